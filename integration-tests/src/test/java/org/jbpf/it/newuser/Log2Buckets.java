package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

import org.jbpf.Helpers;
/** Helpers.log2 histogram buckets and Math.min clamps into a local long[] histogram. */
@Bpf(license = "GPL")
public final class Log2Buckets {
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
        long[] hist = new long[32];
        long v = a;
        for (int i = 0; i < 8; i++) {
            hist[Math.min(Helpers.log2(v & 0xffffffffL), 31)]++;
            v = v * 31 + b;
        }
        long r = 0;
        for (int i = 0; i < hist.length; i++) r = r * 3 + hist[i];
        return r + Helpers.log2(b) + Helpers.log2(-1);
    }
}
