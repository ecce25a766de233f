package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Branches whose outcome follows from value ranges, and look-alikes whose outcome does not ({@link RangesKernelTest}):
 * checks after masks, clamps, log2 buckets, narrowing casts and bounded loops, beside 32-bit overflow, truncation
 * of a 64-bit value and out-of-range indexes, which must keep their branches. Run by the JVM and by the kernel.
 */
@Bpf(license = "GPL")
public final class Ranges {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 16);

    /** Array indexes the range proves in bounds: after a mask, after a clamp of a log2, after a compare. */
    static long indexes(long a, long b) {
        long[] t = new long[32];
        int i = Math.min(Helpers.log2(a), 31);
        t[i] += 5;
        t[(int) (b & 31)] += 7;
        int j = (int) a & 63;
        return t[i] * 1000 + t[(int) (b & 31)] * 10 + (j < 32 ? t[j] : -1) + i;
    }

    /** Compares a mask or a shift decides, and one it does not. */
    static long masks(long a, long b) {
        long m = a & 0xff;
        if (m > 255) return -1;
        if (m < 0) return -2;
        int s = (int) (b >>> 60);
        if (s > 15) return -3;
        long r = m * 16 + s;
        if (m > 200) r += 100_000;
        if ((b & 0x70) >= 0x40) r += 1_000_000;
        return r;
    }

    /** Branches that look decided but are not: 32-bit overflow, the low half of a shifted long, a sign bit. */
    static long wraps(long a, long b) {
        long r = 0;
        int x = (int) a & 0x7fffffff;
        int y = x + 1;   // Integer.MAX_VALUE + 1 wraps to a negative int
        if (y < 0) r += 1;
        int c = (int) (a >>> 32);
        if (c < 0) r += 2;
        long u = a >>> 1;
        if (u < 0) r += 4;   // never
        if ((a | 1) == 0) r += 8;   // never, but no range says so
        int d = (int) b & 0xffff;
        if (d * 65537 < 0) r += 16;   // the product overflows int for d >= 0x8000
        long e = (b & 0xffff_ffffL) << 31;
        if (e < 0) r += 32;   // never: at most 2^63 - 2^31
        if ((b & 0xffff_ffffL) + (a & 0xffff_ffffL) > 0xffff_ffffL) r += 64;
        return r;
    }

    /** Narrowing casts: their ranges decide every compare here but the last. */
    static long casts(long a, long b) {
        long r = 0;
        byte bb = (byte) a;
        if (bb > 127 || bb < -128) r -= 1000;
        char ch = (char) b;
        if (ch < 0) r -= 2000;
        short sh = (short) b;
        if (sh >= -32768 && sh <= 32767) r += 1;
        if (sh < -100) r += 10;
        return r + bb + ch;
    }

    /** A loop bounded by a masked count, and compares after it. */
    static long loops(long a, long b) {
        int n = (int) (a & 7);
        long s = 0;
        for (int i = 0; i < n; i++) s += i * b;
        if (n < 8) s += 100;
        if (n > 3) s += 1000;
        return s;
    }

    /** Clamps and negative ranges. */
    static long clamps(long a, long b) {
        int i = Math.max(0, Math.min((int) a, 100));
        if (i > 100 || i < 0) return -1;
        long d = (b & 0xf) - 20;
        if (d >= 0) return -2;
        if (d < -20) return -3;
        return i * 100 + d;
    }

    static int store(int slot, long value) {
        out.update(slot, value);
        return XdpContext.XDP_PASS;
    }

    @Section("xdp/ranges")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        store(0, indexes(a, b));
        store(1, masks(a, b));
        store(2, wraps(a, b));
        store(3, casts(a, b));
        store(4, loops(a, b));
        return store(5, clamps(a, b));
    }
}
