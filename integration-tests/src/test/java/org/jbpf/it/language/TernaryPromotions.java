package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Ternaries whose arms have different types (char and int, int and long, short and byte, Integer and Long), promoted and unboxed as Java's rules say. */
@Bpf(license = "GPL")
public final class TernaryPromotions {
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
        int x = (int) a;
        boolean c = a > b;
        char ch = c ? 'a' : 'b';
        int mixed = c ? 1 : 'z';
        short sh = (short) b;
        byte by = (byte) a;
        long wide = c ? x : 2L;
        int narrow = c ? sh : by;
        Integer boxed = (int) b;
        Long lboxed = a;
        long promoted = c ? boxed : lboxed;
        int unboxed = c ? boxed : 0;
        char next = (char) (ch + (a & 3));
        long r = ch + mixed * 3 + wide * 5 + narrow * 7 + promoted * 11 + unboxed * 13 + next;
        r += (c ? sh : x) + (!c ? by : ch) + (c ? (byte) 200 : (short) 70000);
        return r;
    }
}
