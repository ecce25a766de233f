package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Local arrays written with initializers, a lookup table, enhanced for over an int[] and two-variable for loops. */
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
        long[] scales = {1L, 10L, 100L, 1000L};
        long r = 0;
        for (int w : weights) r = r * 2 + w;
        r += weights[(int) (a & 7)] * scales[(int) (b & 3)];
        for (int i = 0, j = weights.length - 1; i < j; i++, j--) r += weights[i] * weights[j];
        int x, y;
        x = y = (int) (a >> 3);
        return r + x + y;
    }
}
