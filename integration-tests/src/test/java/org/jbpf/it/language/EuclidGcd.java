package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Euclid's algorithm in a bounded loop that breaks when done, and the lcm from it. */
@Bpf(license = "GPL")
public final class EuclidGcd {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);


    static long gcd(long x, long y) {
        for (int i = 0; i < 64; i++) {
            if (y == 0) break;
            long t = x % y;
            x = y;
            y = t;
        }
        return x;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }


    static long compute(long a, long b) {
        long x = a & 0xfffff, y = b & 0xfffff;
        long g = gcd(x, y);
        long lcm = g == 0 ? 0 : x / g * y;
        return g * 1_000_000_007L + lcm;
    }
}
