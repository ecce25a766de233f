package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Rotations and bit counts of ints and longs by amounts from the inputs, negative ones included. */
@Bpf(license = "GPL")
public final class RotatesByVariables {
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
        int x = (int) a;
        int s = (int) b;
        long r = Integer.rotateLeft(x, s) + Integer.rotateRight(x, -s);
        r = r * 31 + Long.rotateLeft(a, s) + Long.rotateRight(a, s * 3);
        r = r * 31 + Integer.numberOfLeadingZeros(x >>> (s & 31)) + Long.numberOfTrailingZeros(a << (s & 63));
        r = r * 31 + Long.bitCount(a ^ b) + Integer.highestOneBit(x) + Long.lowestOneBit(b);
        r = r * 31 + Integer.reverse(x) + Long.reverseBytes(b);
        return r;
    }
}
