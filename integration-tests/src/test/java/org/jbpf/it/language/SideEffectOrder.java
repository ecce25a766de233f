package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Expressions whose side effects Java orders left to right: chained assignment, i++ + ++i, compound in a condition. */
@Bpf(license = "GPL")
public final class SideEffectOrder {
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
        int i = (int) (a & 0xff);
        int j = i++ + ++i;
        int x, y, z;
        x = y = z = (int) b;
        x += y -= z *= 3;
        int k = 0;
        long r = (k++ < 1 ? a : b) + k;
        r += (a > 0 ? i++ : i--) + i;
        int[] t = new int[4];
        int n = 0;
        t[n++] = n;
        t[n++] += n * 10;
        return j * 1000L + x + y + z + r + t[0] + t[1] + n;
    }
}
