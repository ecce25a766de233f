package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** int and long operands mixed: int products that overflow before widening, compound assignments that narrow, long shifts by int amounts. */
@Bpf(license = "GPL")
public final class IntLongMixing {
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
        long wide = x * y;             // overflows in int, then widens
        long exact = (long) x * y;
        int narrowed = x;
        narrowed += b;                 // (int) (narrowed + b)
        narrowed *= a >>> 7;
        long mixed = x + b - (y >>> 1) + (a >> (y & 63));
        int sh = x << (b & 31) >> 3;
        long r = wide ^ exact;
        r += narrowed;
        r = r * 31 + mixed;
        r = r * 31 + sh;
        r += (x > b ? x : b) + (y < a ? (long) y : a);
        return r + (int) (a / ((y & 7) + 1));
    }
}
