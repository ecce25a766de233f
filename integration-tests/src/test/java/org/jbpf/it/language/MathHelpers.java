package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Math.abs, min and max on ints and longs, and a clamp written with them. */
@Bpf(license = "GPL")
public final class MathHelpers {
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

    static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static long compute(long a, long b) {
        int x = (int) a, y = (int) b;
        long r = Math.abs(x) + Math.abs(b) + Math.min(x, y) * 3L - Math.max(a, b);
        return r * 31 + clamp(x, -100, 100) + clamp(y, 0, 7);
    }
}
