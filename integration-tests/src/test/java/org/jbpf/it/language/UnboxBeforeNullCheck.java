package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/** A ternary of a lookup and null, unboxed before any null test: refused at the unboxing's line. */
@Bpf(license = "GPL")
public final class UnboxBeforeNullCheck {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);
    public static final HashMap<Long, Long> seen = new HashMap<>(Long.class, Long.class, 16);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        Long v = (a & 1) == 0 ? seen.lookup(b) : null;
        long r = v * 3;
        if (v != null) r += 1;
        out.update(0, r);
        return XdpContext.XDP_PASS;
    }
}
