package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * A sum over a loop whose bound is a variable, of a sum over an inner loop ({@link NestedSumsKernelTest}): LLVM would
 * replace the outer loop by its closed form, whose 65-bit multiply the BPF target cannot emit.
 */
@Bpf(license = "GPL")
public final class NestedSums {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    static long sum(long a, long b) {
        long x0 = a, x1 = b;
        for (int i0 = 0; i0 < ((int) a & 7); i0++) {
            for (int i1 = 0; i1 < 4; i1++) x1 += i1 * b;
            x0 += i0 * x1;
        }
        return x0 * 31 + x1;
    }

    @Section("xdp/sum")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, sum(a, b));
        return XdpContext.XDP_PASS;
    }
}
