package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** char, short and byte arithmetic that overflows and wraps as Java narrows it, in compound assignments and ++. */
@Bpf(license = "GPL")
public final class NarrowOverflow {
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
        char c = (char) a;
        c += 70000;
        c++;
        short s = (short) b;
        s *= 3;
        s -= 40000;
        byte y = (byte) (a >> 8);
        y += 200;
        y <<= 3;
        char d = (char) (c * c);
        short t = (short) (s * s);
        return c * 7L + s * 11L + y * 13L + d + t;
    }
}
