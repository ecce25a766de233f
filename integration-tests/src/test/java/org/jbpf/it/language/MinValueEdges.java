package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Division, remainder, negation and absolute value at Integer.MIN_VALUE and Long.MIN_VALUE with divisors known only at run time, and floorDiv/floorMod there. */
@Bpf(license = "GPL")
public final class MinValueEdges {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }

    static long compute(long a, long b) {
        int minus = (int) (a | -1L) == -1 && (b & 1) == 0 ? -1 : (int) (b % 7) | 1;
        int imin = Integer.MIN_VALUE + (int) (a & 1) * 0;
        long lmin = Long.MIN_VALUE + (b & 1) * 0;
        long r = imin / minus;
        r = r * 3 + imin % minus;
        r = r * 5 + lmin / minus;
        r = r * 7 + lmin % minus;
        r = r * 11 + -imin;
        r = r * 13 + Math.abs(imin);
        r = r * 17 + Math.abs(lmin);
        r = r * 19 + Math.floorDiv(imin, minus);
        r = r * 23 + Math.floorMod(imin, minus);
        r = r * 29 + Math.floorDiv(lmin, (long) minus);
        r = r * 31 + Math.floorMod((int) a, minus);
        int n = (int) a;
        n = -n;
        r = r * 37 + n;
        r = r * 41 + negateExactFree(n);
        return r;
    }

    static int negateExactFree(int v) { return -v; }
}
