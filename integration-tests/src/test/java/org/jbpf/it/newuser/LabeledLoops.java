package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Nested loops with a labeled break and a labeled continue. */
@Bpf(license = "GPL")
public final class LabeledLoops {
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
        long hits = 0;
        outer:
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                if (i * 8 + j == (int) (b & 63)) break outer;
                if (((a >> (i * 8 + j)) & 1) == 0) continue outer;
                hits += i + j;
            }
        }
        int found = -1;
        search:
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                if (((a >> (i * 4 + j)) & 0xf) == 5) { found = i * 4 + j; break search; }
            }
        }
        return hits * 100 + found;
    }
}
