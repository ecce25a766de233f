package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** switch expressions with yield in blocks and arrow cases over computed ints. */
@Bpf(license = "GPL")
public final class SwitchYield {
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
        int k = (int) (a & 7);
        long r = switch (k) {
            case 0 -> b;
            case 1, 2 -> {
                long t = b * k;
                yield t + 1;
            }
            case 3 -> {
                if (b > 0) yield b;
                yield -b;
            }
            default -> a >> k;
        };
        int m = switch ((int) (b & 3)) {
            case 0: yield 5;
            case 1: { int q = k + 1; yield q * q; }
            default: yield -1;
        };
        return r * 7 + m;
    }
}
