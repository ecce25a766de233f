package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Generic helpers over boxes: a bound of Number widened to long, a Comparable maximum, and a generic identity, on Integer, Long, Short and Byte. */
@Bpf(license = "GPL")
public final class GenericNumberHelpers {
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

    static <T extends Number> long widen(T x) { return x.longValue() * 2 + x.intValue(); }

    static <T extends Comparable<T>> T maxOf(T x, T y) { return x.compareTo(y) >= 0 ? x : y; }

    static <T> T same(T x) { return x; }

    static long compute(long a, long b) {
        Integer i = (int) a;
        Long l = b;
        Short s = (short) (a >> 16);
        Byte y = (byte) b;
        long r = widen(i) + widen(l) * 3 + widen(s) * 5 + widen(y) * 7;
        long m = maxOf(l, Long.valueOf(a));
        int n = maxOf(Integer.valueOf((int) b), i);
        return r + m * 11 + n * 13 + same(l) * 17;
    }
}
