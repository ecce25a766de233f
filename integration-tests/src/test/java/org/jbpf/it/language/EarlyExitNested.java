package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A helper returning from inside two nested loops, and a loop whose condition calls a helper. */
@Bpf(license = "GPL")
public final class EarlyExitNested {
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

    static int firstPair(long a, long b) {
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                if (((a >>> (8 * i)) & 0xff) == ((b >>> (8 * j)) & 0xff)) return i * 8 + j;
            }
        }
        return -1;
    }

    static boolean more(long v, int n) { return v != 0 && n < 40; }

    static long compute(long a, long b) {
        long v = a;
        int n = 0;
        while (more(v, n)) {
            v &= v - 1;
            n++;
        }
        return firstPair(a, b) * 100L + n;
    }
}
