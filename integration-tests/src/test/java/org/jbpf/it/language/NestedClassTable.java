package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A table of numbers kept in a static nested class rather than in the probe. */
@Bpf(license = "GPL")
public final class NestedClassTable {
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

    static final class Steps {
        static final int[] SIZES = {1, 10, 100, 1000};
    }

    static long compute(long a, long b) {
        return a * Steps.SIZES[(int) (b & 3)];
    }
}
