package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Copying between local arrays as Java users do: System.arraycopy (overlapping too), Arrays.fill, and helper methods that take arrays. */
@Bpf(license = "GPL")
public final class ArrayCopies {
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

    static long sum(long[] xs, int n) {
        long s = 0;
        for (int i = 0; i < n && i < xs.length; i++) s += xs[i];
        return s;
    }

    static void shiftLeft(int[] xs) {
        for (int i = 0; i + 1 < xs.length; i++) xs[i] = xs[i + 1];
        xs[xs.length - 1] = 0;
    }

    static long compute(long a, long b) {
        byte[] src = new byte[16];
        for (int i = 0; i < 16; i++) src[i] = (byte) (a >>> (i * 4));
        byte[] dst = new byte[16];
        java.util.Arrays.fill(dst, (byte) 7);
        System.arraycopy(src, 2, dst, 4, 8);
        System.arraycopy(dst, 0, dst, 1, 10);
        long[] longs = new long[6];
        java.util.Arrays.fill(longs, b);
        longs[(int) (a & 3)] = a;
        int[] ints = {(int) a, (int) b, 3, 4};
        shiftLeft(ints);
        long r = sum(longs, (int) (b & 7)) + ints[0] * 3L + ints[3];
        for (byte x : dst) r = r * 31 + x;
        return r;
    }
}
