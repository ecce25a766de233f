package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** java.lang's small static helpers users reach for: Integer/Long max, min and sum, hashCode of a long, and a switch expression with yield over the result. */
@Bpf(license = "GPL")
public final class BoxedMath {
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
        int m = Integer.max(x, y) - Integer.min(x, y);
        long s = Long.sum(a, b) + Long.max(a, b) - Long.min(a, b);
        int h = Long.hashCode(a) ^ Integer.hashCode(y);
        int kind = switch (h & 7) {
            case 0, 1 -> 10;
            case 2 -> {
                int t = m >>> 3;
                yield t + 1;
            }
            default -> h & 0xff;
        };
        return s * 31 + m + h + kind;
    }
}
