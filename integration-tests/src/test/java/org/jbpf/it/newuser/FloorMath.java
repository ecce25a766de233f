package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Math.floorDiv and Math.floorMod with variable divisors, as a user buckets negative values. */
@Bpf(license = "GPL")
public final class FloorMath {
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
        long r = 0;
        int x = (int) a, y = (int) b;
        if (y != 0) r += Math.floorDiv(x, y) * 3 + Math.floorMod(x, y);
        if (b != 0) r += Math.floorDiv(a, b) + Math.floorMod(a, b) * 7;
        r += Math.floorMod(x, 10) + Math.floorDiv(a, 60);
        return r;
    }
}
