package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Local arrays written with initialisers ({1, 2, 3}), loops with two variables, and an array filled by index. */
@Bpf(license = "GPL")
public final class ArrayInitializers {
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
        int[] weights = {3, 1, 4, 1, 5, 9, 2, 6};
        long[] seen = {a, b, a ^ b};
        long r = 0;
        for (int i = 0, j = weights.length - 1; i < j; i++, j--) r += weights[i] * (a >>> i & 1) - weights[j] * (b >>> j & 1);
        for (long v : seen) r = r * 31 + (v & 0xffff);
        return r + weights[(int) (a & 7)];
    }
}
