package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Casts between every pair of byte, short, char, int and long, widening (sign or zero) and narrowing. */
@Bpf(license = "GPL")
public final class WidthCasts {
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
        int i = (int) a;
        short s = (short) a;
        byte y = (byte) a;
        char c = (char) a;
        long r = (long) i + (long) s * 3 + (long) y * 5 + (long) c * 7;
        r += (short) i + (byte) i * 11 + (char) i * 13 + (byte) s + (char) s + (short) c + (byte) c + (char) y + (short) y;
        r += (int) c + (int) y + (int) s + (long) (char) b + (long) (byte) (b >> 8) + (int) (b >>> 33);
        return r;
    }
}
