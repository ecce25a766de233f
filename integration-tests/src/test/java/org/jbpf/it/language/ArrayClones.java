package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** An array's clone() changed apart from the original, Arrays.fill over all and over a range, and a loop over an array made in the for. */
@Bpf(license = "GPL")
public final class ArrayClones {
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
        long[] v = {a, b, a + b, a - b};
        long[] c = v.clone();
        c[0] = 99;
        int[] w = new int[6];
        java.util.Arrays.fill(w, (int) b);
        java.util.Arrays.fill(w, 1, 4, (int) a);
        byte[] bytes = new byte[5];
        java.util.Arrays.fill(bytes, (byte) (a >> 4));
        long r = 0;
        for (int x : new int[] {3, 1, 4, 1, 5}) r = r * 7 + x;
        for (long x : c) r = r * 31 + x;
        for (long x : v) r = r * 31 + x;
        for (int x : w) r = r * 31 + x;
        for (byte x : bytes) r = r * 31 + x;
        return r + c.length + w.length;
    }
}
