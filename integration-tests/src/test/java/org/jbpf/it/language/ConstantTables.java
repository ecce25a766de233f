package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Tables of numbers set from Java before loading (@Constant int[] and long[]), indexed by constants and variables. */
@Bpf(license = "GPL")
public final class ConstantTables {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Constant static int[] weights = {1, 2, 3, 4};
    @Constant static long[] limits = new long[3];
    @Constant static short[] marks = {-1, 7};

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }

    static long compute(long a, long b) {
        int i = (int) b;
        long w = weights[(int) (a & 3)] * b + (i >= 0 && i < weights.length ? weights[i] : 0);
        long sum = 0;
        for (long l : limits) sum = sum * 3 + l;
        return w + sum + limits[1] + marks[0] * 100 + marks[(int) (a & 1)];
    }
}
