package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** The java.lang bit intrinsics a user reaches for. */
@Bpf(license = "GPL")
public final class BitTricks {
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
        long r = Long.bitCount(a) + Integer.bitCount(y) * 100L;
        r += Long.numberOfLeadingZeros(b) + Integer.numberOfTrailingZeros(x) * 7L;
        r += Long.rotateLeft(a, y) ^ Integer.rotateRight(x, 3);
        r += Long.reverseBytes(b) + Integer.reverseBytes(x) + Short.reverseBytes((short) a);
        r += Integer.highestOneBit(x) + Long.lowestOneBit(b);
        r += Long.signum(a) * 11 + Integer.signum(y) + Long.compare(a, b) * 5 + Integer.compare(x, y);
        return r;
    }
}
