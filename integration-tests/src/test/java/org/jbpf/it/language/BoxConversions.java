package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** The xxxValue() methods of every box: Integer.longValue() widens with the sign, Integer.shortValue() and Long.byteValue() narrow as casts do. */
@Bpf(license = "GPL")
public final class BoxConversions {
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
        Integer j = (int) b;
        Short s = (short) a;
        Byte y = (byte) a;
        Long l = a ^ b;
        Character c = (char) b;
        long r = j.longValue() + s.longValue() * 3 + y.intValue() * 5L + s.intValue() * 7L + j.shortValue() * 11L + j.byteValue() * 13L;
        r = r * 31 + l.intValue() + l.shortValue() * 3L + l.byteValue() * 5L + s.byteValue() * 7L + y.longValue() * 11 + c.charValue();
        return r;
    }
}
