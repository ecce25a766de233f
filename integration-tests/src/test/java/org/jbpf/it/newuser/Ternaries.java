package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Nested conditional expressions and Math.min/max/abs, as a user writes a clamp. */
@Bpf(license = "GPL")
public final class Ternaries {
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
        int x = (int) a, y = (int) b;
        int clamped = x < 0 ? 0 : x > 1000 ? 1000 : x;
        long sign = a > 0 ? 1 : a < 0 ? -1 : 0;
        long m = Math.max(Math.min(a, b), -50) + Math.abs(y) + Math.min(x, y) + Math.max(a >> 4, b >> 4);
        return clamped * 3 + sign + m + (x == y ? 7 : x > y ? 11 : 13);
    }
}
