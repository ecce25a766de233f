package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Integer and long division and remainder by variables, with the zero test a careful user writes. */
@Bpf(license = "GPL")
public final class DivisionByVariables {
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
        int x = (int) a, y = (int) b;
        long r = 0;
        if (y != 0) r += x / y + x % y;
        if (b != 0) r += a / b - a % b;
        int d = (y & 31) + 1;
        r += x / d + x % d + (a / d) + (a % d);
        short s = (short) b;
        if (s != 0) r += ((short) a) / s + ((byte) a) % s;
        return r;
    }
}
