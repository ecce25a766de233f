package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Unsigned comparisons, division and widening, as for 32-bit kernel counters. */
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
        long r = Integer.toUnsignedLong(x) + (x & 0xffffffffL);
        if (Integer.compareUnsigned(x, y) > 0) r += 3;
        if (Long.compareUnsigned(a, b) < 0) r += 5;
        if (y != 0) r += Integer.divideUnsigned(x, y) + Integer.remainderUnsigned(x, y);
        if (b != 0) r += Long.divideUnsigned(a, b) ^ Long.remainderUnsigned(a, b);
        return r + Short.toUnsignedInt((short) a) + Byte.toUnsignedLong((byte) b);
    }
}
