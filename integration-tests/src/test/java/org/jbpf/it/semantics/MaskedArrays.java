package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Local short[], int[], long[] and byte[] arrays indexed by masked variables and by variables tested against the
 * length first ({@link MaskedArraysKernelTest}): the address of an element is the frame address plus a scaled index
 * whose high bits are known to be zero, which the kernel must still see as an addition.
 */
@Bpf(license = "GPL")
public final class MaskedArrays {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 2);

    /** Stores and loads at masked indexes of each element type. */
    static long masked(long a, long b) {
        short[] shorts = {1, 2, 3, 4};
        int[] ints = {10, 20, 30, 40, 50, 60, 70, 80};
        long[] longs = {100, 200, 300, 400};
        byte[] bytes = {5, 6, 7, 8, 9, 10, 11, 12};
        int x = (int) a, y = (int) b;
        shorts[x & 3] = (short) b;
        ints[y & 7] += x;
        longs[(x >> 2) & 3] = a ^ b;
        bytes[(y >>> 3) & 7] = (byte) (a >> 8);
        return shorts[(y >> 1) & 3] * 31L + ints[x & 7] + longs[y & 3] * 7 + bytes[x & 7] * 3L + shorts[x & 3];
    }

    /** Stores and loads at indexes tested against the array's length. */
    static long checked(long a, long b) {
        short[] shorts = new short[4];
        int[] ints = new int[6];
        long[] longs = new long[3];
        byte[] bytes = new byte[5];
        int x = (int) a, y = (int) b;
        long r = 0;
        if (x >= 0 && x < shorts.length) shorts[x] = (short) (b + 1);
        if (y >= 0 && y < ints.length) ints[y] = x * 3;
        if (x >= 0 && x < longs.length) longs[x] = b - a;
        if (y >= 0 && y < bytes.length) bytes[y] = (byte) a;
        if (y >= 0 && y < shorts.length) r += shorts[y];
        if (x >= 0 && x < ints.length) r += ints[x] * 5L;
        if (y >= 0 && y < longs.length) r += longs[y] * 11;
        if (x >= 0 && x < bytes.length) r += bytes[x] * 13L;
        return r;
    }

    @Section("xdp/masked")
    static int runMasked(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, masked(a, b));
        return XdpContext.XDP_PASS;
    }

    @Section("xdp/checked")
    static int runChecked(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(1, checked(a, b));
        return XdpContext.XDP_PASS;
    }
}
