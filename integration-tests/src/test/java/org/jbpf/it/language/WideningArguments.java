package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Helpers taking and returning narrower or wider types than their arguments, widened and narrowed at the call as Java does. */
@Bpf(license = "GPL")
public final class WideningArguments {
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

    static long twice(long v) { return v * 2; }

    static int half(int v) { return v / 2; }

    static short toShort(long v) { return (short) v; }

    static char letter(int k) { return (char) ('a' + k % 26); }

    static byte low(int v) { return (byte) v; }

    static long compute(long a, long b) {
        int x = (int) a;
        char c = (char) b;
        byte y = (byte) a;
        short s = (short) b;
        long r = twice(x) + twice(c) + twice(y) + twice(s) + half(c) + half(y) + half(s);
        r += toShort(a) + letter(c) + low(x) * 3 + twice(letter(y)) + half(low(s));
        return r;
    }
}
