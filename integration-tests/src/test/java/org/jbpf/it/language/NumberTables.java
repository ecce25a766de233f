package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Static arrays of numbers as lookup tables (short, char, int and long, final and filled with constants) and as
 * state programs change in place ({@code counts}, starting at zero), each a BPF global like a byte[] one.
 */
@Bpf(license = "GPL")
public final class NumberTables {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    static final short[] SHORTS = {-1, 2, -300, 4, Short.MIN_VALUE};
    static final char[] CHARS = {'a', 'z', 0xffff};
    static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19};
    static final long[] SCALES = {1L, -1L, 1L << 40, Long.MIN_VALUE};
    static int[] counts = new int[4];

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        counts[(int) (a & 3)]++;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }

    static long compute(long a, long b) {
        int i = (int) Long.remainderUnsigned(a, 5);
        int j = (int) (b & 7);
        long r = SHORTS[i] * 7L + CHARS[j % CHARS.length] + PRIMES[j] * SCALES[j & 3];
        int k = (int) b;
        if (k >= 0 && k < PRIMES.length) r += PRIMES[k];
        long sum = 0;
        for (int p : PRIMES) sum += p;
        return r * 31 + sum;
    }
}
