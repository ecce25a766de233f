package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** long division and remainder at the edges: MIN_VALUE by -1, by 1, of negatives, and by powers of two. */
@Bpf(license = "GPL")
public final class LongDivisionEdges {
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
        long d = b == 0 ? -1 : b;
        long r = Long.MIN_VALUE / (d < 0 ? -1 : 1) + Long.MIN_VALUE % (d < 0 ? -1 : 1);
        r += a / d + a % d + a / 8 + a % 8 + a / -8 + (a >> 3);
        r += (a | Long.MIN_VALUE) / 1024 + (a | Long.MIN_VALUE) % 1024;
        return r;
    }
}
