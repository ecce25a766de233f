package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** / and % of negative int and long operands by variables and by constants, rounding toward zero as Java does. */
@Bpf(license = "GPL")
public final class SignedDivision {
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
        long r = x / 7 + x % 7 * 3L + a / -9 + a % -9 * 5 + (a >> 63) / 3;
        if (y != 0) r += x / y * 11L + x % y;
        if (b != 0) r += a / b + a % b * 13;
        return r + x / 1024 + x % 1024 + (x >> 10);
    }
}
