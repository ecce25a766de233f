package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** do/while loops with a counter bound and a data-dependent exit. */
@Bpf(license = "GPL")
public final class DoWhile {
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
        int n = 0;
        long v = a;
        do {
            v = v / 2 + (b & 1);
            n++;
        } while (v > 3 && n < 50);
        long s = 0;
        int k = (int) (b & 7);
        do {
            s += k;
            k--;
        } while (k > 0);
        return n * 1000 + s + v;
    }
}
