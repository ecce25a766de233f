package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * A frame that fits BPF's 512 bytes only when the translator inlines a method it would have made a function
 * ({@link RandomFindingsKernelTest}): found by the random probes with state (seed 21, program 42), refused then as
 * "the calls run → sum need 528 bytes of stack together".
 */
@Bpf(license = "GPL")
public final class DeepFrame {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    /** Two numbers and four more, summed by {@link #total} from three places. */
    @Struct
    public static final class Pair {
        public long a;
        public int b;
        @Size(4) public long[] w = new long[4];
    }

    /** Long enough and called often enough for the translator to choose to make it a BPF function of its own. */
    static long total(Pair t) {
        long r = t.a * 3 + t.b;
        for (long v : t.w) r = r * 31 + v;
        return r;
    }

    /**
     * A frame of almost 512 bytes and three calls of {@link #total}: as a function (which the direct backend counts as
     * 16 bytes at least), the chain of calls needs 528 bytes; inlined, the program fits, so the translator inlines what
     * it chose to call. {@code more} is sized for that: the direct backend's frames have shrunk since it was found.
     */
    static long deepFrame(long a, long b) {
        long[] big = new long[32];
        long[] more = new long[18];
        for (int i = 0; i < big.length; i++) big[i] = a * i + b;
        for (int i = 0; i < more.length; i++) more[i] = b * i - a;
        Pair p = new Pair();
        p.a = a;
        p.b = (int) b;
        p.w[(int) a & 3] = b;
        Pair q = new Pair();
        q.a = b;
        q.w[1] = a;
        long r = total(p) * 31 + total(q);
        p.w[2] ^= r;
        r = r * 31 + total(p);
        for (long v : big) r = r * 31 + v;
        for (long v : more) r = r * 31 + v;
        return r;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, deepFrame(a, b));
        return XdpContext.XDP_PASS;
    }
}
