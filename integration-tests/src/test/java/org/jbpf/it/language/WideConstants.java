package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** 64-bit constants and int constants with the top bit set in every operation and comparison, beyond what a 32-bit immediate holds. */
@Bpf(license = "GPL")
public final class WideConstants {
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
        long r = 0;
        r += a & 0xffffffffL;
        r += (a | 0x80000000L) * 3;
        r += (a ^ 0xffffffff00000000L) * 5;
        r += (a + 0x80000000L) * 7;
        r += (a - 0x7fffffffL - 1) * 11;
        r += a * 0x123456789L;
        if (a > 0xffffffffL) r += 13;
        if (a < -0x80000001L) r += 17;
        if (a == 0x80000000L) r += 19;
        if (b >= 0x7fffffffL + 1) r += 23;
        if ((a & 0x8000000000000000L) != 0) r += 29;
        if (b != 0x100000000L) r += 31;
        if (Long.compareUnsigned(a, 0x80000000L) > 0) r += 37;
        int x = (int) a;
        if (x > 0x7ffffffe) r += 41;
        if ((x & 0x80000000) != 0) r += 43;
        r += (x | 0x80000000) + (x ^ 0xffffffff) + (x & 0xfffffffe);
        long m = b % 0x100000001L;
        long d = a / 0x80000000L;
        return r * 31 + m + d + (a >>> 32 == 0xffffffffL ? 1 : 0);
    }
}
