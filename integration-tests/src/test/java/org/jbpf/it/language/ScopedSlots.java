package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Variables of different types that javac gives the same local slot in turn, in blocks and loops. */
@Bpf(license = "GPL")
public final class ScopedSlots {
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
        long r = 0;
        {
            int t = (int) a;
            r += t * 3;
        }
        {
            long u = b * 7;
            r ^= u;
        }
        for (int i = 0; i < 2; i++) {
            short s = (short) (a >> (8 * i));
            r += s;
        }
        for (long j = 0; j < 2; j++) {
            char c = (char) (b >> (16 * j));
            r += c;
        }
        {
            boolean f = r > 0;
            byte y = (byte) r;
            r += f ? y : -y;
        }
        return r;
    }
}
