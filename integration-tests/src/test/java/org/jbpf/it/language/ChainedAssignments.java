package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Chained assignments through array elements of three widths, struct fields and locals, and compound assignments used as values. */
@Bpf(license = "GPL")
public final class ChainedAssignments {
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

    @Struct
    public static final class Pair {
        public long x;
        public long y;
        public int small;
    }

    static long compute(long a, long b) {
        long[] v = new long[3];
        int[] w = new int[3];
        short[] s = new short[2];
        v[0] = v[1] = a;
        v[2] = v[0] += b;
        w[0] = w[1] = w[2] = (int) b;
        s[0] = s[1] = (short) (a >> 3);
        Pair p = new Pair();
        p.x = p.y = b - a;
        p.small = w[2] = (int) (a >>> 40);
        long t, u;
        t = u = a ^ b;
        int i = 0;
        long r = v[i++] = v[i] * 3;
        r += (p.y += a) + (p.small <<= 2) + (s[1] += 7);
        return r * 31 + v[0] + v[1] + v[2] + w[0] + w[1] + w[2] + s[0] + s[1] + p.x + p.y + p.small + t + u + i;
    }
}
