package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Integer/Long bit methods: bitCount, numberOfLeadingZeros, reverseBytes, reverse, highestOneBit, rotates, hashCode. */
@Bpf(license = "GPL")
public final class BitMethods {
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
        long r = Integer.bitCount(x) + Long.bitCount(b) * 64L + Integer.numberOfLeadingZeros(y) * 4096L + Long.numberOfLeadingZeros(a);
        r += Integer.reverseBytes(x) + Long.reverseBytes(b) + Short.reverseBytes((short) y);
        r ^= Long.hashCode(a) + Integer.hashCode(y) + Integer.highestOneBit(x) + Long.lowestOneBit(b);
        r += Integer.rotateLeft(x, y) + Long.rotateRight(a, (int) b) + Integer.reverse(y);
        return r;
    }
}
