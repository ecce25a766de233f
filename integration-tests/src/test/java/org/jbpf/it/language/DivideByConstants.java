package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Division and remainder by constant powers of two, negative constants and MIN_VALUE on negative operands, and multiplication by constants. */
@Bpf(license = "GPL")
public final class DivideByConstants {
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
        long r = x / 2 + x / 4 * 3L + x / 8 * 5L + x % 8 * 7L + x % 2 * 11L + x / -2 * 13L + x % -4 * 17L;
        r = r * 31 + a / 16 + a % 16 * 3 + a / 1024 * 5 + a % 1024 * 7 + a / -8 + a / 3 + a % 3 + x / 10 + x % 10;
        r = r * 31 + (x & 0xff) / 4 + (a >>> 1) / 8 + (a >>> 1) % 16 + a / Long.MIN_VALUE + x / Integer.MIN_VALUE;
        r = r * 31 + x * 10 + a * 1000 + x * -3 + a * 7 + (long) x * 65536 + x * 0x10000;
        return r;
    }
}
