package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Boolean locals combined with &&, ||, ^ and !, and boolean helper methods. */
@Bpf(license = "GPL")
public final class Booleans {
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
        boolean pos = a > 0, even = (b & 1) == 0, big = isBig(a, b);
        boolean both = pos && even, either = pos || big, one = pos ^ even, none = !pos && !even;
        long r = 0;
        if (both) r += 1;
        if (either) r += 2;
        if (one) r += 4;
        if (none) r += 8;
        if (big != pos) r += 16;
        boolean flag = false;
        if (a == b || a + 1 == b) flag = true;
        return flag ? r + 100 : r;
    }

    static boolean isBig(long a, long b) { return a > 1_000_000 || b < -1_000_000; }
}
