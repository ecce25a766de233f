package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Loops the verifier checks once: bpf_loop through {@link Loops#repeat} with static methods as loop bodies, over
 * 100,000 iterations ({@link LoopsKernelTest}). {@link PlainLoop} is the same loop written as a Java for loop.
 */
@Bpf(license = "GPL")
public final class LoopCounts {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 1);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 8);

    @Struct
    public static final class State {
        public long sum;
        public long count;
        public long limit;
    }

    /** Adds the index; stops once the sum reaches the limit. */
    static long addUntil(int index, State s) {
        s.sum += index;
        s.count++;
        return s.sum >= s.limit ? 1 : 0;
    }

    static long count(int index, State s) {
        s.count++;
        return 0;
    }

    /** A loop body without state. */
    static long nothing(int index, State s) { return index & 0; }

    @Section("xdp/loops")
    static int run(XdpContext ctx) {
        Long limit = in.lookup(0);
        if (limit == null) return XdpContext.XDP_ABORTED;
        State all = new State();
        int ran = Loops.repeat(100_000, LoopCounts::count, all);
        out.update(0, all.count);
        out.update(1, (long) ran);
        State some = new State();
        some.limit = limit;
        int stopped = Loops.repeat(100_000, LoopCounts::addUntil, some);
        out.update(2, some.sum);
        out.update(3, some.count);
        out.update(4, (long) stopped);
        out.update(5, (long) Loops.repeat(Loops.MAX_ITERATIONS + 1, LoopCounts::count, all));
        out.update(6, (long) Loops.repeat(1000, LoopCounts::nothing, null));
        return XdpContext.XDP_PASS;
    }
}
