package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Nested ifs and early returns from a helper method. */
@Bpf(license = "GPL")
public final class EarlyReturns {
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
        if (a == 0) return -1;
        if (a < 0) {
            if (b < 0) return a + b;
            if (b == 0) return 42;
            return a - b;
        }
        long r = classify((int) a, b);
        if (r > 1000) return 1000;
        return r;
    }

    static long classify(int x, long y) {
        if (x % 2 == 0) {
            if (y > x) return 1;
            else if (y == x) return 2;
            return 3;
        } else if (x % 3 == 0) {
            return y & 0xff;
        }
        return x * 10L + (y >>> 60);
    }
}
