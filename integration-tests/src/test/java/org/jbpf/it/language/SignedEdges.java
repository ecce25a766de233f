package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Integer and Long signum, abs, negation, compare and hashCode at MIN_VALUE, MAX_VALUE, 0 and -1, mixed widths. */
@Bpf(license = "GPL")
public final class SignedEdges {
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
        long r = Integer.signum(x) * 3 + Long.signum(b) * 5 + Math.abs(x) + Math.abs(b) * 7;
        r += Integer.compare(x, y) * 11 + Long.compare(a, b) * 13 + Integer.hashCode(x) + Long.hashCode(b) * 17;
        r += -x + (long) -y + Integer.compareUnsigned(x, y) * 19 + Long.compareUnsigned(a, b) * 23;
        r += Integer.toUnsignedLong(x) * 29 + Math.max(x, b) + Math.min((short) a, (byte) b) * 37;
        return r;
    }
}
