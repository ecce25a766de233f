package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Math.abs at MIN_VALUE, floorMod and floorDiv with negative divisors of both widths, signum and clamps. */
@Bpf(license = "GPL")
public final class AbsAndFloorEdges {
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
        int x = (int) a;
        int y = (int) b == 0 ? -3 : (int) b;
        long v = b == 0 ? -7 : b;
        long r = Math.abs(x) + Math.abs(Integer.MIN_VALUE) + Math.abs(a);
        r = r * 31 + Math.floorMod(x, y) + Math.floorDiv(x, y);
        r = r * 31 + Math.floorMod(a, v) + Math.floorDiv(a, v);
        r = r * 31 + Math.floorMod(a, y) + Long.signum(a) + Integer.signum(y);
        r = r * 31 + Math.max(Math.min(x, 100), -100) + Math.min(a, v);
        return r;
    }
}
