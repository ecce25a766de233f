package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Integer overflow at the edges: MAX_VALUE + 1, abs of MIN_VALUE, negation and multiplication wrap. */
@Bpf(license = "GPL")
public final class Overflows {
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
        int x = (int) a;
        int r = x + Integer.MAX_VALUE;
        int abs = Math.abs(x);
        long labs = Math.abs(a);
        int neg = -x;
        int prod = x * (int) b;
        long lprod = a * b;
        return r + abs + labs + neg + prod + lprod + Math.abs(Integer.MIN_VALUE) + (Long.MIN_VALUE - 1);
    }
}
