package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A map value unboxed without a null test. */
@Bpf(license = "GPL")
public final class UnboxNullLookup {
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

    public static final ArrayMap<Long> other = new ArrayMap<>(Long.class, 2);

    static long compute(long a, long b) {
        return a + b;
    }

    @Section("xdp/unbox")
    static int unbox(XdpContext ctx) {
        long v = other.lookup(1);
        out.update(0, v);
        return XdpContext.XDP_PASS;
    }
}
