package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** short, byte and char locals with compound assignments and casts back. */
@Bpf(license = "GPL")
public final class NarrowTypes {
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
        short s = (short) a;
        byte y = (byte) b;
        char c = (char) (a >>> 16);
        s += y;
        y *= 3;
        c -= 7;
        s >>= 1;
        return s * 100000L + y * 1000L + c;
    }
}
