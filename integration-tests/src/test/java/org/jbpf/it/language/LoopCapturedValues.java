package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Loops.repeat bodies written as lambdas that capture what Java captures: ints, longs, chars and booleans by value, a
 * boxed map value (its number when the lambda is made), and local structs and arrays by reference, whose writes in the
 * body the caller reads afterwards; with and without a state struct, and in a helper the probe calls twice.
 */
@Bpf(license = "GPL")
public final class LoopCapturedValues {
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

    @Struct
    public static final class Acc {
        public long total;
        public int count;
        @Size(4) public long[] seen = new long[4];
    }

    static long weigh(long a, int shift) {
        Acc acc = new Acc();
        int n = (int) (a & 7);
        Loops.repeat(n, (i, st) -> {
            st.total += (a >> shift) + i;
            st.count++;
            return 0;
        }, acc);
        return acc.total * 31 + acc.count;
    }

    static long compute(long a, long b) {
        final long step = b & 0xff;
        final int limit = (int) (a & 15);
        final char mark = (char) ('a' + (b & 3));
        final boolean odd = (a & 1) != 0;
        Acc shared = new Acc();
        long[] hist = new long[4];
        Long c = a ^ b;
        Acc s = new Acc();
        int ran = Loops.repeat(10, (i, st) -> {
            if (i >= limit) return 1;
            st.total += step * i + mark;
            shared.total -= odd ? i : 2L * i;
            shared.seen[i & 3] += c;
            hist[i & 3]++;
            return 0;
        }, s);
        int ran2 = Loops.repeat(3, (i, st) -> {
            shared.count += limit + i;
            hist[(int) (step & 3)] += b;
            return 0;
        }, null);
        long r = s.total * 7 + shared.total * 11 + shared.count * 13 + ran * 17 + ran2 * 19;
        for (int k = 0; k < 4; k++) r = r * 3 + hist[k] + shared.seen[k];
        return r + weigh(a, 3) + weigh(b, 5);
    }
}
