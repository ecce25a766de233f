package org.jbpf.it.object;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Two programs calling the same BPF function and loop body, for the object file tests ({@link FunctionsObjectTest}). */
@Bpf(license = "GPL")
public final class SharedFunctions {
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 4);

    @Struct
    public static final class Sum {
        public long total;
    }

    @NoInline
    static long score(long x) {
        return x * x + 3 * x + 1;
    }

    static long addScore(int index, Sum sum) {
        sum.total += score(index);
        return 0;
    }

    /** The sum of score(i) for i below n. */
    static long sumOfScores(int n) {
        Sum sum = new Sum();
        Loops.repeat(n, SharedFunctions::addScore, sum);
        return sum.total;
    }

    @Section("xdp")
    static int packet(XdpContext ctx) {
        out.update(0, sumOfScores(ctx.length()));
        out.update(1, score(ctx.length()));
        return XdpContext.XDP_PASS;
    }

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long getppid(TracepointContext ctx) {
        out.update(2, sumOfScores(10));
        return 0;
    }
}
