package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Shifts by constant amounts that are negative or at least the width, which Java masks (int by 31, long by 63), on every width. */
@Bpf(license = "GPL")
public final class ConstantShiftAmounts {
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
        short s = (short) b;
        byte y = (byte) a;
        char c = (char) b;
        long r = (x << 33) + (x >> 40) * 3L + (x >>> -1) * 5L + (x << -31) + (a << 65) + (a >> -1) + (a >>> 127);
        r = r * 31 + (s << 20) + (s >> 17) + (s >>> 40) + (y << 31) + (y >>> 24) + (c << 16) + (c >> 33) + (c >>> -16);
        r = r * 31 + (x << 32) + (a << 64) + (x >>> 32) + (a >>> 64) + ((long) x << 32) + (x << 31) + (a >> 63);
        int m = x;
        m <<= 35;
        m >>= -2;
        long n = a;
        n >>>= 70;
        n <<= -60;
        return r * 31 + m + n;
    }
}
