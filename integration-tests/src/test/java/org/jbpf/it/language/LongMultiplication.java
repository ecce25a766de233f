package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Products of longs and ints that overflow, kept as int, widened before or after, and narrowed. */
@Bpf(license = "GPL")
public final class LongMultiplication {
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
        long p = a * b;
        int x = (int) a, y = (int) b;
        int q = x * y;
        long widened = (long) x * y;
        long narrow = x * y;
        long full = (long) x * (long) y;
        return p ^ q ^ widened * 3 ^ narrow * 5 ^ full * 11 ^ (int) (p >> 3) ^ (short) (a * 0x1234567L);
    }
}
