package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Byte and Short unsigned conversions, signum, trailing zeros, lowest and highest bits, and the compare, min, max and sum methods of every box class. */
@Bpf(license = "GPL")
public final class NarrowUnsignedConversions {
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
        byte y = (byte) a;
        short s = (short) b;
        int x = (int) a;
        long r = Byte.toUnsignedInt(y) + Byte.toUnsignedLong((byte) b) * 3 + Short.toUnsignedInt(s) * 5L + Short.toUnsignedLong((short) a);
        r = r * 31 + Integer.signum(x) + Long.signum(b) * 3 + Integer.numberOfTrailingZeros(x) + Long.numberOfTrailingZeros(b) * 7;
        r = r * 31 + Long.highestOneBit(a) + Integer.lowestOneBit((int) b) + Long.reverse(a) + Long.rotateLeft(b, -(int) a);
        r = r * 31 + Integer.compare(x, (int) b) + Long.compare(a, b) * 3 + Short.compare(s, (short) a) + Byte.compare(y, (byte) b);
        r = r * 31 + Character.compare((char) a, (char) b) + Boolean.compare(a > b, b > 0) * 11;
        r = r * 31 + Integer.min(x, (int) b) + Long.max(a, b) + Integer.sum(x, (int) b) + Long.sum(a, b);
        r = r * 31 + Integer.toUnsignedLong((int) b) + Integer.numberOfLeadingZeros(s) + Long.numberOfLeadingZeros(y);
        return r;
    }
}
