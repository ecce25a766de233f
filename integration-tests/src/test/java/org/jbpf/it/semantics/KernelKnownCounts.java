package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * {@code Loops.repeat} counts the kernel knows to be 0 though the translator does not: the low bits of a reversed
 * char are always 0, which the kernel's value tracking sees. The kernel verifies no round of such a body and drops it
 * as dead code; the call once still passed its address, which the kernel then missed ("verifier bug: No program to
 * jit"), as no other call runs the same body. Found by the random probes sharing state (seed 91 program 14, {@link KernelKnownCountsKernelTest}).
 */
@Bpf(license = "GPL")
public final class KernelKnownCounts {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 1);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);
    /** A global, so the translator cannot fold the counts made from it. */
    static char gc = 'j';

    @Struct
    public static final class Acc {
        public long sum;
        public int hits;
    }

    static long add(int i, Acc t) {
        t.sum = t.sum * 3 + i;
        t.hits++;
        return 0;
    }

    static long xor(int i, Acc t) {
        t.sum ^= i * 7L;
        return 0;
    }

    static long count(int i, Acc t) {
        t.hits += i;
        return 0;
    }

    static long compute(long a) {
        Acc acc = new Acc();
        acc.sum = a;
        gc += (char) a;
        int never = Loops.repeat(Integer.reverse(gc) & 15, KernelKnownCounts::add, acc);
        int neither = Loops.repeat(Integer.reverseBytes(gc) & 7, KernelKnownCounts::xor, acc);
        int some = Loops.repeat(gc & 7, KernelKnownCounts::count, acc);
        return acc.sum * 1000 + acc.hits * 100 + never * 10 + neither + some * 10_000;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        if (a == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a));
        return XdpContext.XDP_PASS;
    }
}
