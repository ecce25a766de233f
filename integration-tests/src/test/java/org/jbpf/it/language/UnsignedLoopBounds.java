package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Loops bounded by unsigned compares of ints and longs, counting down through zero to the unsigned maximum. */
@Bpf(license = "GPL")
public final class UnsignedLoopBounds {
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
        int lo = (int) (a & 0xf);
        long r = 0;
        for (int i = lo; Integer.compareUnsigned(i, 20) < 0; i += 3) r += i;
        int j = (int) (b & 3);
        int turns = 0;
        while (Integer.compareUnsigned(j, 5) < 0 && turns < 10) {
            j--;
            turns++;
        }
        r = r * 101 + turns + (j >>> 28);
        long u = b | 1;
        int n = 0;
        while (Long.compareUnsigned(u, 0xffffL) > 0 && n < 64) {
            u >>>= 5;
            n++;
        }
        return r * 101 + n + Long.compareUnsigned(a, b);
    }
}
