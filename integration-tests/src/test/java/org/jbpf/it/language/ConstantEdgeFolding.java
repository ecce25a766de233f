package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Edge cases the translator computes itself, from variables whose values it knows: MIN_VALUE divided by -1, remainders of negatives, shifts by negative and oversized amounts, narrowing casts of out-of-range constants. */
@Bpf(license = "GPL")
public final class ConstantEdgeFolding {
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
        int m = Integer.MIN_VALUE;
        int d = -1;
        long lm = Long.MIN_VALUE;
        long ld = -1;
        int s = -1;
        int big = 70;
        long r = m / d;
        r = r * 3 + m % d;
        r = r * 5 + lm / ld;
        r = r * 7 + lm % ld;
        r = r * 11 + (-7 % 3) + (7 % -3) * 10 + (-7 / 2) * 100;
        r = r * 13 + (1 << s) + (1L << s) + (-16 >> big) + (-16L >>> big);
        r = r * 17 + (byte) 200 + (short) 70000 + (char) -1 + (int) 3_000_000_000L;
        r = r * 19 + Math.abs(m) + Math.abs(lm) + -m;
        r = r * 23 + Math.floorDiv(m, d) + Math.floorMod(-7, 3) + Math.floorMod(7, -3);
        r = r * 29 + Integer.MAX_VALUE * 2 + Long.MAX_VALUE * 3;
        r = r * 31 + (char) (m >>> 16) + (byte) (m >> 24);
        return r + a * 0 + b * 0;
    }
}
