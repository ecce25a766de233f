package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/**
 * A ternary of a map lookup and a boxed constant that stays boxed (Long w = v != null ? v : DEFAULT), used later:
 * unboxed in arithmetic, compared with equals and with null. {@link #combine} runs as is on the JVM.
 */
@Bpf(license = "GPL")
public final class BoxedTernary {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final HashMap<Integer, Long> optional = new HashMap<>(Integer.class, Long.class, 4);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);
    static final Long DEFAULT = 5L;

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        if (a == null) return XdpContext.XDP_ABORTED;
        out.update(0, combine(a, optional.lookup(0)));
        return XdpContext.XDP_PASS;
    }

    static long combine(long a, Long z) {
        Long w = z != null ? z : Long.valueOf(7);
        Long u = (a & 1) == 0 ? z : Long.valueOf(a);
        long r = w * 3 + a;
        if (w.equals(7L)) r += 1000;
        if (u == null) r += 20000;
        else r += u;
        Long m = z == null ? Long.valueOf(a & 0xff) : z;
        return r + m;
    }
}
