package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** boolean locals combined with &, |, ^, !, &= and |=, and returned through helper methods. */
@Bpf(license = "GPL")
public final class BooleanLogic {
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

    static boolean odd(long v) { return (v & 1) != 0; }

    static long compute(long a, long b) {
        boolean p = a > b, q = odd(a), r = b == 0;
        boolean all = p & q & !r;
        boolean any = p | q | r;
        boolean one = p ^ q ^ r;
        p &= odd(b);
        q |= a < -5;
        r ^= true;
        return (all ? 1 : 0) + (any ? 2 : 0) + (one ? 4 : 0) + (p ? 8 : 0) + (q ? 16 : 0) + (r ? 32 : 0);
    }
}
