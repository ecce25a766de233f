package org.jbpf.it.semantics;

import org.jbpf.Atomic;
import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Local int[], long[], short[] and char[] arrays indexed by variables, and a {@code @Size(64) long[]} histogram in a
 * map value incremented in place at a computed bucket ({@link PrimitiveArraysKernelTest}).
 */
@Bpf(license = "GPL")
public final class PrimitiveArrays {
    @Struct
    public static final class Hist {
        public long count;
        @Size(64)
        public long[] buckets;
        @Size(4)
        public int[] low;
    }

    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 4);
    public static final ArrayMap<Hist> hists = new ArrayMap<>(Hist.class, 1);

    /** Fills arrays of each element type in loops and folds them with enhanced fors: the same in the JVM and the kernel. */
    static long loops(long a, long b) {
        long[] longs = new long[8];
        int[] ints = new int[8];
        short[] shorts = new short[4];
        char[] chars = new char[4];
        for (int i = 0; i < longs.length; i++) longs[i] = a * (i + 1) ^ (b >>> i);
        for (int i = 0; i < ints.length; i++) ints[i] = (int) (a >> (i * 3)) + i;
        for (int i = 0; i < shorts.length; i++) shorts[i] = (short) (b >> (i * 16));
        for (int i = 0; i < chars.length; i++) chars[i] = (char) (a >> (i * 16));
        int n = (int) (b & 7);
        for (int i = 0; i < n; i++) ints[i] ^= ints[7 - i];
        long sum = 0;
        for (long v : longs) sum = sum * 31 + v;
        for (int v : ints) sum = sum * 7 + v;
        for (short v : shorts) sum = sum * 3 + v;
        for (char v : chars) sum = sum * 5 + v;
        return sum;
    }

    /** Element b (plus 10) of a long[8] holding 1..8 after storing a at index a: out of range indexes read 0 and write nothing. */
    static long outOfRange(long a, long b) {
        long[] buf = new long[8];
        for (int i = 0; i < buf.length; i++) buf[i] = i + 1;
        buf[(int) a] = a;
        int[] small = new int[2];
        small[(int) b] = 5;
        buf[(int) b] += 10;   // one bounds check for the load and the store
        return buf[(int) b] * 1000L + buf[0] + buf[7] + small[0] * 10 + small[1] * 100;
    }

    /** What {@link #outOfRange} gives in the kernel, where nothing can be thrown. */
    static long outOfRangeInKernel(long a, long b) {
        int ia = (int) a, ib = (int) b;
        long[] buf = {1, 2, 3, 4, 5, 6, 7, 8};
        if (ia >= 0 && ia < 8) buf[ia] = a;
        int[] small = new int[2];
        if (ib >= 0 && ib < 2) small[ib] = 5;
        if (ib >= 0 && ib < 8) buf[ib] += 10;
        long at = ib >= 0 && ib < 8 ? buf[ib] : 0;
        return at * 1000L + buf[0] + buf[7] + small[0] * 10 + small[1] * 100;
    }

    static int store(int slot, long value) {
        out.update(slot, value);
        return XdpContext.XDP_PASS;
    }

    @Section("xdp/loops")
    static int runLoops(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        return store(0, loops(a, b));
    }

    @Section("xdp/range")
    static int runOutOfRange(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        return store(1, outOfRange(a, b));
    }

    /** Counts in[0] into its log2 bucket of the histogram in place, and its low two bits into {@code low}. */
    @Section("xdp/hist")
    static int runHist(XdpContext ctx) {
        Long v = in.lookup(0);
        Hist h = hists.lookup(0);
        if (v == null || h == null) return XdpContext.XDP_ABORTED;
        h.count++;
        h.buckets[Helpers.log2(v)]++;
        h.low[(int) (v & 3)] += 1;
        return XdpContext.XDP_PASS;
    }

    /** The same count through {@link Atomic} on the elements: in[0]'s bucket, and 100 into low[in[0]] when it is an index. */
    @Section("xdp/atomic")
    static int runAtomic(XdpContext ctx) {
        Long v = in.lookup(0);
        Hist h = hists.lookup(0);
        if (v == null || h == null) return XdpContext.XDP_ABORTED;
        Atomic.increment(h.buckets, Helpers.log2(v));
        Atomic.add(h.low, (int) (long) v, 100);
        Atomic.add(h.buckets, 63, 0);
        return XdpContext.XDP_PASS;
    }
}
