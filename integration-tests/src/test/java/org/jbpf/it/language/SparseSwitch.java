package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A switch with far-apart and negative cases (a lookupswitch), in a statement and an expression. */
@Bpf(license = "GPL")
public final class SparseSwitch {
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
        int k = (int) b;
        long r;
        switch (k) {
            case Integer.MIN_VALUE: r = 1; break;
            case -5: r = 2; break;
            case 0: r = 3;
            case 77: r = 4; break;
            case 1_000_000: r = 5; break;
            case 1 << 30: r = 6; break;
            default: r = k & 15;
        }
        long s = switch ((int) a) {
            case -1 -> 10;
            case 255, 65535 -> 20;
            case Integer.MAX_VALUE -> 30;
            default -> (int) a >> 28;
        };
        return r * 100 + s;
    }
}
