package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Math.floorMod and floorDiv on int, long and mixed operands, with negative and zero divisors tested first. */
@Bpf(license = "GPL")
public final class FloorMathMixed {
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
        int x = (int) a, y = (int) b;
        long r = 0;
        if (y != 0) r += Math.floorMod(x, y) + Math.floorDiv(x, y) * 3L + Math.floorMod(a, y) * 5L + Math.floorDiv(a, y) * 7;
        if (b != 0) r = r * 31 + Math.floorMod(a, b) + Math.floorDiv(a, b);
        r = r * 31 + Math.floorMod(x, 7) + Math.floorDiv(a, -3) + Math.floorMod(a, 1024) + Math.abs((int) b) + Math.abs(Long.MIN_VALUE + a);
        return r;
    }
}
