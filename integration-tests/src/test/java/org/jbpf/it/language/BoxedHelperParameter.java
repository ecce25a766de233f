package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Boxes passed to helpers taking Long: null on some paths, a value on others, and boxes made with valueOf. */
@Bpf(license = "GPL")
public final class BoxedHelperParameter {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    static long orDefault(Long v, long otherwise) { return v == null ? otherwise : v; }

    static long both(Long x, Long y) { return x != null && y != null ? x * y : x != null ? -x : 0; }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }

    static long compute(long a, long b) {
        Long x = (a & 1) == 0 ? null : Long.valueOf(a);
        Long y = (b & 3) == 0 ? null : b >> 2;
        return orDefault(x, 5) + orDefault(y, 6) * 3 + orDefault(null, b) * 7 + orDefault(Long.valueOf(a >> 3), 0) + both(x, y);
    }
}
