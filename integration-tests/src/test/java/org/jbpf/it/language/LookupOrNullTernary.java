package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/**
 * Ternaries that choose between a map lookup and null (either arm first), of a Long, an Integer and a struct value,
 * tested against null before use; one found value is updated in its map. {@link #combine} is the same on the JVM, given
 * the lookups' results.
 */
@Bpf(license = "GPL")
public final class LookupOrNullTernary {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final HashMap<Long, Long> longs = new HashMap<>(Long.class, Long.class, 16);
    public static final HashMap<Integer, Integer> ints = new HashMap<>(Integer.class, Integer.class, 16);
    public static final HashMap<Long, Pair> pairs = new HashMap<>(Long.class, Pair.class, 16);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Struct
    public static final class Pair {
        public long x;
        public long y;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, choose(a, b));
        return XdpContext.XDP_PASS;
    }

    static long choose(long a, long b) {
        Long v = (a & 1) == 0 ? longs.lookup(b) : null;
        Long w = (a & 2) == 0 ? null : longs.lookup(a);
        Integer i = a > b ? ints.lookup((int) a) : null;
        Pair p = (a & 4) != 0 ? pairs.lookup(a) : null;
        long r = p == null ? combine(v, w, i, false, 0, 0) : combine(v, w, i, true, p.x, p.y);
        if (w != null) longs.update(a, w + 1);
        return r;
    }

    static long combine(Long v, Long w, Integer i, boolean paired, long px, long py) {
        long r = 1;
        if (v != null) r += v;
        else r -= 10;
        if (w != null) r = r * 7 + w * 3;
        if (i == null) r ^= 0x55;
        else r += i;
        if (paired) r = r * 5 + px - py;
        return r;
    }
}
