package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Static helper methods calling each other, with a boolean helper in a condition. */
@Bpf(license = "GPL")
public final class StaticHelperChain {
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

    static boolean isEven(long v) {
        return (v & 1) == 0;
    }

    static long half(long v) {
        return isEven(v) ? v / 2 : 3 * v + 1;
    }

    static long compute(long a, long b) {
        long v = a & 0xffff;
        int n = 0;
        for (int i = 0; i < 20 && v != 1 && v != 0; i++) {
            v = half(v);
            n++;
        }
        return n * 1000L + v + b % 5;
    }
}
