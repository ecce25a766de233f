package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Loops counting with char, byte and short variables and two variables at once, and char arithmetic with its wrap at 65536. */
@Bpf(license = "GPL")
public final class CharLoopCounters {
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
        for (char c = 'a'; c <= 'z'; c++) if (((a >> (c - 'a')) & 1) != 0) r += c;
        for (byte i = -3; i < 10; i++) r = r * 3 + i * (b & 7);
        for (short k = 0; k < 300; k += 37) r ^= k * a;
        char d = (char) ('0' + (a & 7));
        d += 2;
        d++;
        char e = (char) (d * 2 - 'A');
        int digit = d - '0';
        char upper = (char) ((b & 31) + 'a' - 32);
        r = r * 31 + d + e + digit + upper + (char) (e + 65530);
        for (int i = 0, j = 10; i < j; i++, j -= 2) r += i * j;
        return r;
    }
}
