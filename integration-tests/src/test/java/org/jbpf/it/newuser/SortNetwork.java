package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Sorts four values with a hand-written compare-and-swap helper on a local int array, then a bubble sort of eight, as a user ranks samples. */
@Bpf(license = "GPL")
public final class SortNetwork {
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

    static void swapIfGreater(int[] v, int i, int j) {
        if (v[i] > v[j]) {
            int t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }

    static long compute(long a, long b) {
        int[] four = {(int) a, (int) (a >> 32), (int) b, (int) (b >> 32)};
        swapIfGreater(four, 0, 1);
        swapIfGreater(four, 2, 3);
        swapIfGreater(four, 0, 2);
        swapIfGreater(four, 1, 3);
        swapIfGreater(four, 1, 2);
        int[] eight = new int[8];
        for (int i = 0; i < 8; i++) eight[i] = (int) ((a >>> (i * 8)) & 0xff) - (int) ((b >>> (i * 4)) & 0xf);
        for (int pass = 0; pass < 7; pass++) {
            boolean swapped = false;
            for (int i = 0; i < 7 - pass; i++) {
                if (eight[i] > eight[i + 1]) {
                    int t = eight[i];
                    eight[i] = eight[i + 1];
                    eight[i + 1] = t;
                    swapped = true;
                }
            }
            if (!swapped) break;
        }
        long r = 0;
        for (int v : four) r = r * 31 + v;
        for (int i = 0; i < 8; i++) r = r * 17 + eight[i];
        return r;
    }
}
