package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** An enhanced for over a local long[] built from the inputs, summing and picking the largest. */
@Bpf(license = "GPL")
public final class EnhancedForLocal {
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
        long[] xs = {a, b, a ^ b, a + b, a - b};
        long sum = 0, max = Long.MIN_VALUE;
        for (long x : xs) {
            sum += x;
            if (x > max) max = x;
        }
        return sum * 31 + max;
    }
}
