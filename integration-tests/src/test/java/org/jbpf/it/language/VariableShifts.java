package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Shifts by variable amounts of int and long, counts masked as in Java (over 63, negative). */
@Bpf(license = "GPL")
public final class VariableShifts {
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
        int n = (int) b;
        int x = (int) a;
        long r = (a << n) ^ (a >> n) ^ (a >>> (n + 1));
        int s = (x << b) + (x >> n) - (x >>> (n & 7));
        return r * 31 + s + (1L << (n & 63)) + (-1 >>> n);
    }
}
