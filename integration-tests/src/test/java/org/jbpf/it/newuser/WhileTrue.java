package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** while (true) loops left with break, and a counter that must bound them for the verifier. */
@Bpf(license = "GPL")
public final class WhileTrue {
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
        long v = a;
        int steps = 0;
        while (true) {
            if (v == 0 || steps == 64) break;
            v &= v - 1;
            steps++;
        }
        int tries = 0;
        long w = b;
        for (;;) {
            tries++;
            w = w * 6364136223846793005L + 1442695040888963407L;
            if ((w >>> 60) == 7 || tries >= 30) break;
        }
        return steps * 100L + tries;
    }
}
