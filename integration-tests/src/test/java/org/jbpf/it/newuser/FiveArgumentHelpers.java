package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Helper methods of five arguments of mixed widths, one a @NoInline BPF function, as a user factors a score. */
@Bpf(license = "GPL")
public final class FiveArgumentHelpers {
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

    static int score(int base, short bonus, byte penalty, long weight, boolean double_) {
        int s = base + bonus - penalty;
        if (double_) s *= 2;
        return (int) (s * weight % 100_003);
    }

    @org.jbpf.NoInline
    static long mix(long a, long b, int shift, int mask, long seed) {
        long x = (a ^ seed) + (b << (shift & 31));
        return (x & mask) + (x >>> 40);
    }

    static long compute(long a, long b) {
        int s = score((int) a, (short) b, (byte) (a >> 8), b & 0xff, (a & 1) == 1);
        long m = mix(a, b, (int) b, 0xfffff, 0x9e3779b97f4a7c15L);
        return s + m * 3;
    }
}
