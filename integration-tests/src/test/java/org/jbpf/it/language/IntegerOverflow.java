package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** int and long overflow as Java wraps it: MAX_VALUE + 1, products, negation and abs of MIN_VALUE, MIN_VALUE / -1. */
@Bpf(license = "GPL")
public final class IntegerOverflow {
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
        int x = (int) a, y = (int) b;
        int p = x * y;
        int q = Integer.MAX_VALUE + (x & 1);
        long m = a * b;
        int n = -Integer.MIN_VALUE;
        int abs = Math.abs(x == 0 ? Integer.MIN_VALUE : x);
        int div = y == -1 ? Integer.MIN_VALUE / y : y == 0 ? 0 : x / y;
        int rem = y == 0 ? 0 : x % y;
        return p + (long) q + m + n + abs + div + rem + (Long.MIN_VALUE - (a & 1));
    }
}
