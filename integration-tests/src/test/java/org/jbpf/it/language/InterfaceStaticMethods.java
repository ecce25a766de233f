package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Static methods and constants of an interface, called from the program. */
@Bpf(license = "GPL")
public final class InterfaceStaticMethods {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);


    interface Scaling {
        int FACTOR = 3;
        long LIMIT = 1L << 40;

        static long twice(long v) { return v * 2 + FACTOR; }

        static int scaled(int v) { return clampTo(v * FACTOR, 1000); }

        private static int clampTo(int v, int most) { return v > most ? most : v < -most ? -most : v; }
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }


    static long compute(long a, long b) {
        return Scaling.twice(a) + Scaling.scaled((int) b) * Scaling.FACTOR + Scaling.LIMIT;
    }
}
