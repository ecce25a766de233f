package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

import org.jbpf.Struct;
/** Records as @Struct values: canonical constructor, accessors, a static factory and a derived method. */
@Bpf(license = "GPL")
public final class Records {
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

    @Struct
    public record Range(long low, long high) {
        static Range of(long a, long b) { return a <= b ? new Range(a, b) : new Range(b, a); }
        long width() { return high - low; }
        boolean holds(long v) { return v >= low && v <= high; }
    }

    static long compute(long a, long b) {
        Range r = Range.of(a >> 2, b >> 2);
        Range inner = new Range(r.low() + 1, r.high() - 1);
        long s = r.width() ^ inner.width();
        if (r.holds(0)) s += 100;
        if (inner.holds(a)) s += 1000;
        return s + inner.low();
    }
}
