package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** do/while loops, run at least once, with continue and break. */
@Bpf(license = "GPL")
public final class DoWhileLoop {
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
        long v = a;
        int n = 0;
        do {
            v >>>= 3;
            n++;
            if ((v & 1) == 0) continue;
            if (n > 20) break;
        } while (v != 0 && n < 30);
        int m = 0;
        do m += 2; while (m < (b & 15));
        return n * 1000L + m + v;
    }
}
