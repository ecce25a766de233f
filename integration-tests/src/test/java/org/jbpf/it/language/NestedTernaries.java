package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Ternaries nested in both arms, of int, long and boolean, with mixed int/long promotion. */
@Bpf(license = "GPL")
public final class NestedTernaries {
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
        long r = a > b ? (a > 0 ? 1 : a < -100 ? 2 : 3) : b > 10 ? (x % 2 == 0 ? 4L << 40 : 5) : a == b ? 6 : 7;
        boolean p = a > 0 ? b > 0 : b < 0 ? a != 0 : false;
        int small = x > 0 ? (short) x : x < -5 ? (byte) x : 0;
        return r * 3 + (p ? 100 : 0) + small;
    }
}
