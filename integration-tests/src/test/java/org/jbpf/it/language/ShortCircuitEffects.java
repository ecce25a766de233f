package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Calls with side effects under &&, ||, &, |, ^ and a ternary: each runs exactly when Java runs it. */
@Bpf(license = "GPL")
public final class ShortCircuitEffects {
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

    static int calls;

    static boolean bump(boolean v) {
        calls++;
        return v;
    }

    static long compute(long a, long b) {
        calls = 0;
        boolean p = a > 0, q = b > 0;
        long r = 0;
        if (bump(p) && bump(q)) r += 1;
        if (bump(p) || bump(q)) r += 2;
        if (bump(p) & bump(q)) r += 4;
        if (bump(p) | bump(q)) r += 8;
        if (bump(p) ^ bump(q)) r += 16;
        boolean t = bump(!p) ? bump(q) : bump(p) && !bump(q);
        return r * 100 + calls * 2 + (t ? 1 : 0);
    }
}
