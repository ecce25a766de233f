package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Unsigned division and remainder by negative, one and large divisors, unsigned compares of mixed signs, and toUnsignedLong/String-free unsigned widening. */
@Bpf(license = "GPL")
public final class UnsignedDivisionEdges {
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
        long d = b == 0 ? -3 : b;
        int di = (int) d == 0 ? 7 : (int) d;
        long r = Long.divideUnsigned(a, d) * 3 + Long.remainderUnsigned(a, d) * 5;
        r += Integer.divideUnsigned((int) a, di) * 7L + Integer.remainderUnsigned((int) a, di) * 11L;
        r += Long.divideUnsigned(a, -1L) + Long.remainderUnsigned(a, Long.MIN_VALUE) * 13;
        r += Integer.compareUnsigned((int) a, -1) * 17 + (Long.compareUnsigned(a, b) > 0 ? 19 : 23);
        r += Integer.toUnsignedLong((int) (a >> 7)) + Short.toUnsignedInt((short) b) + Byte.toUnsignedLong((byte) a);
        return r;
    }
}
