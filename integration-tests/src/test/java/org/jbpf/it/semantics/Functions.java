package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Inline;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Static methods that become BPF functions, run by the JVM and by the kernel ({@link FunctionsKernelTest}):
 * {@link #mix} is large and called from five places (a function by the translator's own choice), the others are
 * forced with {@code @NoInline} and take ints, longs, the context, local structs and map values. {@link #runInlined}
 * makes the same five calls of an {@code @Inline} copy of mix, for the code size comparison.
 */
@Bpf(license = "GPL")
public final class Functions {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 16);
    public static final ArrayMap<Acc> accs = new ArrayMap<>(Acc.class, 1);

    @Struct
    public static final class Acc {
        public long sum;
        public long count;
        public int last;
    }

    static long mix(long a, long b) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 27;
        long d = a < b ? b - a : a - b;
        if ((h & 1) == 0) h += d << 3;
        else h -= d >>> 2;
        h *= 0x94D049BB133111EBL;
        return h ^ (h >>> 29) ^ (a & 0xff) << 8;
    }

    @Inline
    static long mixInlined(long a, long b) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 27;
        long d = a < b ? b - a : a - b;
        if ((h & 1) == 0) h += d << 3;
        else h -= d >>> 2;
        h *= 0x94D049BB133111EBL;
        return h ^ (h >>> 29) ^ (a & 0xff) << 8;
    }

    @NoInline
    static int clamp(int x, int lo, int hi) {
        if (x < lo) return lo;
        return x > hi ? hi : x;
    }

    /** Adds into a struct the caller owns: a local one or a map value. */
    @NoInline
    static void accumulate(Acc acc, long v) {
        acc.sum += v;
        acc.count++;
        acc.last = (int) v;
    }

    @NoInline
    static long level1(long x) { return level2(x * 3) + 1; }

    @NoInline
    static long level2(long x) { return level3(x ^ 0x55) - 2; }

    @NoInline
    static long level3(long x) { return clamp((int) x, -1000, 1000) + x / 7; }

    /** The context passed on: the packet's length. */
    @NoInline
    static long lengthTimes(XdpContext ctx, long k) { return ctx.length() * k; }

    @Section("xdp/functions")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, mix(a, b));
        out.update(1, mix(b, a));
        out.update(2, mix(a ^ b, 7));
        out.update(3, mix(a, a + b));
        out.update(4, mix(b - a, a));
        out.update(5, (long) clamp((int) a.longValue(), -50, 50));
        Acc local = new Acc();
        accumulate(local, a);
        accumulate(local, b);
        out.update(6, local.sum * 1000 + local.count + local.last);
        Acc shared = accs.lookup(0);
        if (shared != null) accumulate(shared, a);
        out.update(7, level1(a));
        out.update(8, lengthTimes(ctx, b));
        return XdpContext.XDP_PASS;
    }

    @Section("xdp/inlined")
    static int runInlined(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, mixInlined(a, b));
        out.update(1, mixInlined(b, a));
        out.update(2, mixInlined(a ^ b, 7));
        out.update(3, mixInlined(a, a + b));
        out.update(4, mixInlined(b - a, a));
        return XdpContext.XDP_PASS;
    }
}
