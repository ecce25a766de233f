package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Boxes chosen by ternaries between a map lookup, null and a boxed constant, tested against null and unboxed. */
@Bpf(license = "GPL")
public final class BoxedNullTernary {
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
        Long x = a > b ? Long.valueOf(a) : null;
        Long y = x != null ? x : Long.valueOf(b);
        long r = y * 3 + (x == null ? 1 : x);
        Integer i = (a & 1) == 0 ? Integer.valueOf((int) b) : Integer.valueOf(-5);
        return r + i * 7L + (i.equals(-5) ? 11 : 13);
    }
}
