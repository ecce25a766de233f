package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A local int[] filled from the inputs and sorted by nested loops with swaps, as a textbook writes it. */
@Bpf(license = "GPL")
public final class BubbleSort {
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
        int[] v = new int[6];
        for (int i = 0; i < v.length; i++) v[i] = (int) ((i < 3 ? a : b) >> (i % 3 * 16)) & 0xffff;
        for (int i = 0; i < v.length - 1; i++)
            for (int j = 0; j < v.length - 1 - i; j++)
                if (v[j] > v[j + 1]) {
                    int t = v[j];
                    v[j] = v[j + 1];
                    v[j + 1] = t;
                }
        long r = 0;
        for (int x : v) r = r * 65537 + x;
        return r;
    }
}
