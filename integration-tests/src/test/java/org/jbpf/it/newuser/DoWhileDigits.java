package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** do/while loops that count decimal digits and sum them, and a do/while with a compound condition, as a user formats numbers. */
@Bpf(license = "GPL")
public final class DoWhileDigits {
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
        long v = Math.abs(a % 1_000_000_000_000L);
        int digits = 0;
        long sum = 0;
        do {
            sum += v % 10;
            v /= 10;
            digits++;
        } while (v != 0 && digits < 20);
        int k = 0;
        long x = b;
        do {
            x = (x >>> 1) ^ (-(x & 1) & 0xEDB88320L);
            k++;
        } while (k < 8 && (x & 0xff) != 0);
        return digits * 100_000L + sum * 100 + k + (x & 0xffff) * 10_000_000L;
    }
}
