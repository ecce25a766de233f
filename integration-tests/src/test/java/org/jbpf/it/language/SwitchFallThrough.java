package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** switch over dense and sparse int cases with fall-through, and over a char. */
@Bpf(license = "GPL")
public final class SwitchFallThrough {
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
        int r = 0;
        switch ((int) (a & 7)) {
            case 0: r += 1;
            case 1: r += 10; break;
            case 2: case 3: r += 100;
            case 4: r += 1000; break;
            default: r -= 1;
        }
        switch ((int) b) {
            case -1000000: r += 7; break;
            case 5: r += 9;
            case 100: r += 11; break;
            case 1 << 20: r += 13; break;
            default: break;
        }
        char c = (char) ('a' + (b & 3));
        switch (c) {
            case 'a': r *= 2; break;
            case 'c': r *= 3; break;
            default: r += c;
        }
        return r;
    }
}
