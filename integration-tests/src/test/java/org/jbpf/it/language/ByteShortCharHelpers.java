package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * The number helpers of Byte, Short and Character a probe uses on narrow values: unsigned views, compares, hash
 * codes, byte order reversals, signum, and the boxes' MIN_VALUE and MAX_VALUE, on values at and around their edges.
 */
@Bpf(license = "GPL")
public final class ByteShortCharHelpers {
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
        byte x = (byte) a, y = (byte) b;
        short s = (short) (a >> 8), t = (short) (b >> 8);
        char c = (char) (a >> 16), d = (char) (b >> 16);
        long r = Byte.toUnsignedInt(x);
        r = r * 31 + Byte.toUnsignedLong(y);
        r = r * 31 + Short.toUnsignedInt(s);
        r = r * 31 + Short.toUnsignedLong(t);
        r = r * 31 + Byte.compare(x, y);
        r = r * 31 + Short.compare(s, t);
        r = r * 31 + Character.compare(c, d);
        r = r * 31 + Byte.hashCode(x) + Short.hashCode(s) + Character.hashCode(c);
        r = r * 31 + Short.reverseBytes(s);
        r = r * 31 + Character.reverseBytes(c);
        r = r * 31 + Integer.signum(x - y) + Long.signum((long) s * t);
        r = r * 31 + (x == Byte.MIN_VALUE ? 1 : 0) + (s == Short.MAX_VALUE ? 2 : 0) + (c == Character.MAX_VALUE ? 4 : 0);
        r = r * 31 + Byte.compareUnsigned(x, y) + Short.compareUnsigned(s, t);
        r = r * 31 + Integer.toUnsignedLong(x) + Integer.remainderUnsigned(s, 7) + Integer.divideUnsigned(c, 3);
        return r;
    }
}
