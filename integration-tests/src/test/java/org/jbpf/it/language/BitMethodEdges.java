package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Bit methods at the edges: highest and lowest one bit of negatives and MIN_VALUE, reverse, rotations by negative and large amounts, leading zeros of 0. */
@Bpf(license = "GPL")
public final class BitMethodEdges {
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
        int x = (int) a, s = (int) b;
        long r = Integer.highestOneBit(x) + Long.highestOneBit(a) * 3 + Integer.lowestOneBit(x) * 5 + Long.lowestOneBit(b);
        r += Integer.reverse(x) * 7L + Long.reverse(a) * 11 + Integer.reverseBytes(x) + Long.reverseBytes(b) * 13;
        r += Integer.rotateLeft(x, s) + Integer.rotateRight(x, -s) * 17L + Long.rotateLeft(a, s) + Long.rotateRight(b, s * 3) * 19;
        r += Integer.numberOfLeadingZeros(x) + Long.numberOfTrailingZeros(b) * 23 + Integer.bitCount(x) * 29 + Long.bitCount(a);
        r += Short.reverseBytes((short) a) * 31 + Character.reverseBytes((char) b) * 37;
        return r;
    }
}
