package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Labelled blocks left with break, and a switch inside a labelled loop whose cases continue or break the loop. */
@Bpf(license = "GPL")
public final class LabelledBlocks {
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
        long r = 1;
        found: {
            for (int i = 0; i < 8; i++) {
                if (((a >> i) & 0xf) == (b & 0xf)) {
                    r = i;
                    break found;
                }
            }
            r = -1;
        }
        check: {
            if (a < 0) break check;
            r += 100;
            if (b < 0) break check;
            r += 1000;
        }
        outer:
        for (int i = 0; i < 4; i++) {
            switch ((int) ((a >> (i * 4)) & 3)) {
                case 0: continue outer;
                case 1: r += i; break;
                case 2: if (b > i) break outer; r -= i; break;
                default: r *= 3;
            }
            r++;
        }
        return r;
    }
}
