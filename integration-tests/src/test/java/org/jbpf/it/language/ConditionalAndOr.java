package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Conditions combined with && and || and !, with side effects in the right operand. */
@Bpf(license = "GPL")
public final class ConditionalAndOr {
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
        int calls = 0;
        boolean p = a > 0 && (calls++ < 5 || b < 0);
        boolean q = !(a == b) || ++calls > 1;
        boolean r = (a & 1) != 0 ^ (b & 1) != 0;
        return (p ? 1 : 0) + (q ? 2 : 0) + (r ? 4 : 0) + calls * 8L;
    }
}
