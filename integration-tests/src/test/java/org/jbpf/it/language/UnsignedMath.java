package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Unsigned conversions, compares and divisions of int and long. */
@Bpf(license = "GPL")
public final class UnsignedMath {
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
        long r = Integer.toUnsignedLong(x) + Long.compareUnsigned(a, b) * 7L + Integer.compareUnsigned(x, y) * 11L;
        if (b != 0) r += Long.divideUnsigned(a, b) + Long.remainderUnsigned(a, b) * 3;
        if (y != 0) r += Integer.divideUnsigned(x, y) * 5L + Integer.remainderUnsigned(x, y);
        return r;
    }
}
