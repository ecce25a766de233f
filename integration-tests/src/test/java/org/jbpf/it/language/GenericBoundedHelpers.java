package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Generic helpers with bounded type variables (Comparable, Number) called with Long and Integer boxes: their calls are the box class's own. */
@Bpf(license = "GPL")
public final class GenericBoundedHelpers {
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

    static <T extends Comparable<T>> T larger(T x, T y) { return x.compareTo(y) >= 0 ? x : y; }

    static <T extends Number> long total(T x, T y) { return x.longValue() + y.longValue(); }

    static <T> T pick(boolean first, T x, T y) { return first ? x : y; }

    static long compute(long a, long b) {
        Long x = a, y = b;
        Integer i = (int) a, j = (int) b;
        long r = larger(x, y) + larger(i, j) * 3L + total(x, y) + total(i, j) * 5L;
        return r * 31 + pick(a < b, x, y) + pick(a > b, i, j);
    }
}
