package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Math.max/min and abs over mixed int and long arguments, with casts of their results. */
@Bpf(license = "GPL")
public final class MixedMinMax {
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
        long m = Math.max(x, b);
        int n = (int) Math.min(a, (long) x);
        long p = Math.abs((long) x) + Math.abs(x);
        int clamp = Math.max(0, Math.min(x, 255));
        return m + n + p + clamp + Math.max(Math.abs(a), 0L) + Long.MAX_VALUE / (Math.abs(b % 1000) + 1);
    }
}
