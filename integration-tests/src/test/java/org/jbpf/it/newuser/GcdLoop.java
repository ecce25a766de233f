package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Euclid's algorithm in a bounded while loop and a least common multiple from it, with early returns for zero. */
@Bpf(license = "GPL")
public final class GcdLoop {
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

    static long gcd(long x, long y) {
        x = Math.abs(x);
        y = Math.abs(y);
        int steps = 0;
        while (y != 0 && steps < 100) {
            long t = x % y;
            x = y;
            y = t;
            steps++;
        }
        return x;
    }

    static long compute(long a, long b) {
        long x = a & 0xffffff, y = b & 0xfffff;
        if (x == 0) return y;
        if (y == 0) return x;
        long g = gcd(x, y);
        return g * 1_000_000_007L + x / g * y;
    }
}
