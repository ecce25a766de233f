package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Loops over the kernel's numeric iterators ({@link Loops#numbers}): 100,000 iterations whose body the verifier checks
 * until it converges, a range read from a map that stops early, ranges the kernel leaves empty, two nested loops and a
 * loop in a BPF function
 * ({@link NumberLoopsKernelTest}).
 */
@Bpf(license = "GPL")
public final class NumberLoops {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 4);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 8);

    /** Pairs (i, j) with 0 <= j < i < n, counted by two nested iterators in a method the program inlines. */
    static long pairs(int n) {
        long pairs = 0;
        Loops.Numbers outer = Loops.numbers(0, n);
        while (outer.next()) {
            Loops.Numbers inner = Loops.numbers(0, outer.value());
            while (inner.next()) pairs++;
            inner.close();
        }
        outer.close();
        return pairs;
    }

    /** 0 + 1 + ... + (n - 1) in a BPF function of its own, with its iterator in that function's frame. */
    @NoInline
    static long sumBelow(int n) {
        long sum = 0;
        Loops.Numbers it = Loops.numbers(0, n);
        while (it.next()) sum += it.value();
        it.close();
        return sum;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long from = in.lookup(0), to = in.lookup(1), stop = in.lookup(2);
        if (from == null || to == null || stop == null) return XdpContext.XDP_ABORTED;
        long sum = 0, count = 0;
        Loops.Numbers it = Loops.numbers(0, 100_000);
        while (it.next()) {
            sum += it.value();
            count++;
        }
        it.close();
        out.update(0, sum);
        out.update(1, count);

        long sumUntil = 0, last = -1;
        Loops.Numbers range = Loops.numbers((int) (long) from, (int) (long) to);
        while (range.next()) {
            int v = range.value();
            if (v == stop) break;
            sumUntil += v;
            last = v;
        }
        range.close();
        out.update(2, sumUntil);
        out.update(3, last);

        long empty = 0;
        Loops.Numbers backwards = Loops.numbers(10, 5);
        while (backwards.next()) empty++;
        backwards.close();
        Loops.Numbers huge = Loops.numbers(0, Loops.MAX_ITERATIONS + 1);
        while (huge.next()) empty++;
        huge.close();
        out.update(4, empty);
        out.update(5, pairs((int) (long) to & 63));
        out.update(6, sumBelow((int) (long) to));
        return XdpContext.XDP_PASS;
    }
}
