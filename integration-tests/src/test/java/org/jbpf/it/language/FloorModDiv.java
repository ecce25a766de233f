package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Math.floorMod and floorDiv of int and long against / and % with negative operands. */
@Bpf(license = "GPL")
public final class FloorModDiv {
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
        int x = (int) a, y = (int) (b % 1000);
        long r = 0;
        if (y != 0) r += Math.floorMod(x, y) * 10007L + Math.floorDiv(x, y) + (x / y) * 3L + (x % y) * 7L;
        long m = b | 1;
        return r + Math.floorMod(a, m) + Math.floorDiv(a, m) * 13 + Math.floorMod(a, 7) + Math.floorDiv(-a, 16);
    }
}
