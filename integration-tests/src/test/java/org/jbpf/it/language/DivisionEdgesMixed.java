package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Division and remainder at MIN_VALUE / -1 for int and long, with divisors from the inputs and mixed widths. */
@Bpf(license = "GPL")
public final class DivisionEdgesMixed {
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
        int x = (b & 1) == 0 ? Integer.MIN_VALUE : (int) a;
        long y = (b & 2) == 0 ? Long.MIN_VALUE : a;
        int d = (b & 4) == 0 ? -1 : (int) (b >> 3) | 1;
        long e = (b & 8) == 0 ? -1 : (b >> 4) | 1;
        long r = x / d;
        r = r * 31 + x % d;
        r = r * 31 + y / e;
        r = r * 31 + y % e;
        r = r * 31 + x / e;          // widened to long
        r = r * 31 + y % d;
        r = r * 31 + Integer.divideUnsigned(x, d) + Long.remainderUnsigned(y, e);
        return r;
    }
}
