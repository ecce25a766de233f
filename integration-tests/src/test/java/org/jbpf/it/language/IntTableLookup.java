package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A static final int[] lookup table of constants, indexed by a checked variable. */
@Bpf(license = "GPL")
public final class IntTableLookup {
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

    static final int[] WEIGHTS = {3, 1, 4, 1, 5, 9, 2, 6};

    static long compute(long a, long b) {
        int i = (int) (a & 7);
        long r = WEIGHTS[i] * 10L;
        int j = (int) b;
        if (j >= 0 && j < WEIGHTS.length) r += WEIGHTS[j];
        return r;
    }
}
