package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Short.compare, Byte.compare, Character.compare and the unsigned conversions of narrow values. */
@Bpf(license = "GPL")
public final class NarrowCompares {
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
        short s = (short) a, t = (short) b;
        byte x = (byte) a, y = (byte) b;
        char c = (char) a, d = (char) b;
        long r = Short.compare(s, t) * 1000L + Byte.compare(x, y) * 100L + Character.compare(c, d);
        r += Short.toUnsignedInt(s) + Byte.toUnsignedLong(y) * 3 + Short.toUnsignedLong(t) + Byte.toUnsignedInt(x);
        return r * 31 + Integer.compare(x, y) + Long.compare(c, d);
    }
}
