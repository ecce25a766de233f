package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * The xxxValue() methods on map lookups, where a box is a pointer into the map: Long narrowed to int, short and byte,
 * Integer widened with its sign, and the same through generic helpers bounded by Number and Comparable. {@link #combine}
 * runs as is on the JVM with the same boxes.
 */
@Bpf(license = "GPL")
public final class BoxedLookupConversions {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Integer> ints = new ArrayMap<>(Integer.class, 1);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long x = in.lookup(0), y = in.lookup(1);
        Integer k = ints.lookup(0);
        if (x == null || y == null || k == null) return XdpContext.XDP_ABORTED;
        out.update(0, combine(x, y, k));
        return XdpContext.XDP_PASS;
    }

    static <T extends Number> long wide(T v) { return v.longValue(); }

    static <T extends Comparable<T>> int order(T p, T q) { return p.compareTo(q); }

    static long combine(Long x, Long y, Integer k) {
        long r = x.intValue() + x.shortValue() * 3L + x.byteValue() * 5L + k.longValue() * 7 + k.shortValue() * 11L + k.byteValue() * 13L;
        return r * 31 + wide(x) + wide(k) * 3 + order(x, y) * 5L + y.shortValue();
    }
}
