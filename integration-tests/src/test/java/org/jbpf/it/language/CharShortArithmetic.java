package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** char and short values: wrapping increments, unsigned char against signed short, compound division and casts back. */
@Bpf(license = "GPL")
public final class CharShortArithmetic {
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
        short s = (short) b;
        c++;
        c -= 3;
        s += c;
        s /= (short) ((b & 7) + 1);
        char d = (char) (c * 3 + s);
        short t = (short) (s << 4);
        int cmp = c > s ? 1 : c == s ? 0 : -1;
        long r = c;
        r = r * 65537 + s;
        r = r * 65537 + d;
        r = r * 65537 + t + cmp;
        r += (char) -1 + (short) 0x8000 + (c % 10) + (s % 7) + Character.MAX_VALUE / (d | 1);
        return r;
    }
}
