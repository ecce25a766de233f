package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Assignments inside conditions and loop tests, and bit tricks on the lowest set bit and the sign. */
@Bpf(license = "GPL")
public final class AssignInConditions {
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
        long r = 0;
        int x;
        if ((x = (int) (a & 7)) > 3) r += x;
        long v = a;
        int n = 0;
        while ((v >>>= 3) != 0 && n < 30) n++;
        int i = 0;
        while (i < 16 && ((b >> i) & 1) == 0) i++;
        int low = (int) (b & -b);
        long neg = ~a + 1;
        long sign = a ^ (a >> 63);
        return r * 31 + n * 7 + i + low + neg + sign + (x = 5) + x;
    }
}
