package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Labelled loops left with break and continue from nested loops, with counters of the outer loop changed inside the inner one. */
@Bpf(license = "GPL")
public final class BreaksInLabelledLoops {
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
        long r = 0;
        int i = 0;
        outer:
        while (i < 10) {
            int j = 0;
            inner:
            for (;;) {
                if (j >= 8) break;
                long bit = (a >>> (i * 6 + j)) & 1;
                if (bit == 1 && (b >>> j & 1) == 1) { i += 2; continue outer; }
                if (j == (int) (b & 7) && i > 3) break outer;
                if (bit == 0) { j += 2; continue inner; }
                r = r * 3 + i * 8 + j;
                j++;
            }
            i++;
        }
        return r * 17 + i;
    }
}
