package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Shifts by variable amounts, including negative and oversized counts that Java masks. */
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
        int x = (int) a, n = (int) b;
        long r = (x << n) + (x >> n) + (x >>> n);
        r += (a << n) + (a >> n) + (a >>> n);
        r += (a << b) ^ (a >>> (b + 1));
        int m = n & 7;
        r += 1L << m;
        r += (byte) a << m;
        return r;
    }
}
