package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Long and int compares as numbers: Long.compare, Integer.signum, Math.abs and min/max of mixed widths. */
@Bpf(license = "GPL")
public final class LongCompares {
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
        long r = Long.compare(a, b) * 3 + Integer.compare(x, y) * 5 + Integer.signum(x) * 7 + Long.signum(b) * 11;
        r += Math.abs(a == Long.MIN_VALUE ? 0 : a) % 1000 + Math.min(x, b) + Math.max((long) y, a >> 2);
        r += Integer.max(x, y) - Integer.min(x, y) + Long.max(a, b) / 1024 + Integer.sum(x, y);
        return r;
    }
}
