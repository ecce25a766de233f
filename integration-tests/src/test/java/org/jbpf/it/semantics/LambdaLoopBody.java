package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * {@code Loops.repeat} with non-capturing lambdas as loop bodies: javac names their methods {@code lambda$run$0},
 * which is no C identifier, and the function's BTF name must be one ({@link LambdaLoopBodyKernelTest}).
 */
@Bpf(license = "GPL")
public final class LambdaLoopBody {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 1);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 2);

    @Struct
    public static final class Acc {
        public long sum;
        public int steps;
    }

    /** Two lambdas over one state: one runs every iteration, the other stops when the sum passes a limit. */
    static long compute(long a) {
        Acc acc = new Acc();
        acc.sum = a;
        int ran = Loops.repeat((int) (a & 15), (int i, Acc t) -> {
            t.sum = t.sum * 3 + i;
            t.steps++;
            return 0;
        }, acc);
        int stopped = Loops.repeat(20, (int i, Acc t) -> {
            t.sum += i;
            return t.sum > 100 ? 1 : 0;
        }, acc);
        return acc.sum * 1000 + acc.steps * 100 + ran * 10 + stopped;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        if (a == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a));
        return XdpContext.XDP_PASS;
    }
}
