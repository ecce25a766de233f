package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Switches on ints: a dense table with fall-through, a sparse one, and a switch expression. */
@Bpf(license = "GPL")
public final class IntSwitches {
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
        int x = (int) (a & 15), y = (int) b;
        long r = 0;
        switch (x) {
            case 0: r += 1;
            case 1: r += 10; break;
            case 2: case 3: r += 100; break;
            case 7: r -= 5; break;
            default: r += x;
        }
        switch (y) {
            case -1000: r *= 3; break;
            case 100: r += 1 << 20; break;
            case 65535: r ^= 0x5555; break;
            case Integer.MAX_VALUE: r = -r; break;
            default: break;
        }
        int z = (int) (b & 3);
        long w = switch (z) { case 0 -> 17; case 1 -> a; case 2 -> b * 2; default -> -1; };
        return r + w;
    }
}
