package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * The java.lang bit methods and Helpers.log2 as a probe calls them, run by the JVM and by the kernel
 * ({@link BitsKernelTest}). Inputs come from a map so nothing is folded at translation time.
 */
@Bpf(license = "GPL")
public final class Bits {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 32);

    static long intCounts(long a, long b) {
        int x = (int) a;
        return Integer.bitCount(x) + 100L * Integer.numberOfLeadingZeros(x) + 10_000L * Integer.numberOfTrailingZeros(x);
    }

    static long longCounts(long a, long b) {
        return Long.bitCount(a) + 100L * Long.numberOfLeadingZeros(a) + 10_000L * Long.numberOfTrailingZeros(a);
    }

    static long oneBits(long a, long b) {
        int x = (int) b;
        return Long.highestOneBit(a) ^ Long.lowestOneBit(a) * 3 ^ ((long) Integer.highestOneBit(x) << 7) ^ Integer.lowestOneBit(x);
    }

    static long rotations(long a, long b) {
        int d = (int) b, x = (int) a;
        return Long.rotateLeft(a, d) ^ Long.rotateRight(a, d) * 5 ^ Integer.rotateLeft(x, d) ^ ((long) Integer.rotateRight(x, d) << 11)
                ^ Long.rotateLeft(a, 13) ^ Integer.rotateRight(x, 7);
    }

    static long byteOrder(long a, long b) {
        return Long.reverseBytes(a) ^ Integer.reverseBytes((int) b) * 7L ^ Short.reverseBytes((short) a) * 31L
                ^ Long.reverse(a + b) * 3 ^ Integer.reverse((int) a - (int) b) * 5L;
    }

    static long signs(long a, long b) {
        return Long.signum(a) + 3 * Integer.signum((int) b) + 9 * Long.compare(a, b) + 27 * Integer.compare((int) a, (int) b)
                + (Long.compare(a, b) < 0 ? 100 : 0);
    }

    static long floors(long a, long b) {
        if (b == 0 || (int) b == 0) return -1;
        return Math.floorDiv(a, b) ^ Math.floorMod(a, b) * 3 ^ Math.floorDiv((int) a, (int) b) * 5L ^ Math.floorMod((int) a, (int) b) * 7L
                ^ Math.floorMod(a, (int) b) * 11L;
    }

    static long histogram(long a, long b) {
        return Helpers.log2(a) + 64L * Helpers.log2(b & 0xffff) + 4096L * Helpers.log2(a >>> 40);
    }

    /** Calls on constants, which the translator computes itself. */
    static long constants(long a, long b) {
        return Long.numberOfTrailingZeros(1L << 40) + 100L * Integer.bitCount(0xf0f0) + 10_000L * Helpers.log2(1024)
                + Long.rotateLeft(1, 65) * 1_000_000L + Math.floorMod(-7, 3) + Integer.signum(-5) + Short.reverseBytes((short) 0x1280) + Integer.reverse(6) * 3L + Long.reverse(1L << 9);
    }

    static int store(int slot, long value) {
        out.update(slot, value);
        return XdpContext.XDP_PASS;
    }

    @Section("xdp/bits")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        store(0, intCounts(a, b));
        store(1, longCounts(a, b));
        store(2, oneBits(a, b));
        store(3, rotations(a, b));
        store(4, byteOrder(a, b));
        store(5, signs(a, b));
        store(6, floors(a, b));
        store(7, histogram(a, b));
        return store(8, constants(a, b));
    }
}
