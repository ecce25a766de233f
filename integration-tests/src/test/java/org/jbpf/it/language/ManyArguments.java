package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Static helpers with seven and ten arguments of mixed widths, inlined where they are called. */
@Bpf(license = "GPL")
public final class ManyArguments {
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

    static long mix(long a, int b, short c, byte d, char e, long f, boolean g) {
        return (a * 31 + b) * 17 + c * 7 + d * 3 + e + (g ? f : -f);
    }

    static int ten(int p0, int p1, int p2, int p3, int p4, int p5, int p6, int p7, int p8, int p9) {
        return p0 - p1 + p2 * p3 - p4 + p5 ^ p6 + p7 * 3 - p8 + p9;
    }

    static long compute(long a, long b) {
        int x = (int) a, y = (int) b;
        return mix(a, y, (short) x, (byte) y, (char) x, b, a > b) + ten(x, y, x + 1, y - 1, x * 2, y * 3, x ^ y, x & y, x | y, 7);
    }
}
