package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Loops that end when a counter overflows (an int past MAX_VALUE, a byte past 127) and a do/while counting down. */
@Bpf(license = "GPL")
public final class OverflowLoopExit {
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
        for (int i = Integer.MAX_VALUE - 2; i > 0; i++) r += i & 7;
        int k = (int) (b & 15);
        do {
            r = r * 3 + k;
        } while (--k > 0);
        byte c = (byte) 120;
        int steps = 0;
        while (c > 0) { c++; steps++; }
        return r + steps;
    }
}
