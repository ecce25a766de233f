package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Shifts of ints widened to long before or after the shift, and of longs by int amounts beyond 63: masked by 31 or 63 as Java masks them. */
@Bpf(license = "GPL")
public final class IntShiftWidening {
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
        int i = (int) a;
        int n = (int) b;
        long r = i << n;             // an int shift: n masked by 31, then widened
        r = r * 3 + ((long) i << n);  // a long shift: n masked by 63
        r = r * 5 + (i >>> n);
        r = r * 7 + ((long) i >>> n);
        r = r * 11 + (i >> (n + 32));
        r = r * 13 + (a << (n + 64));
        r = r * 17 + (a >>> -n);
        r = r * 19 + ((i & 0xff) << 24 >> 24);
        r = r * 23 + (long) (i >>> 28);
        r = r * 29 + Integer.rotateLeft(i, -n) + Long.rotateRight(a, n + 64);
        return r;
    }
}
