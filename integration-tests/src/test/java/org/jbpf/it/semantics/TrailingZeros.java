package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Trailing-zero counts ({@link TrailingZerosKernelTest}): LLVM's BPF target computes one with a multiply and a
 * 64-entry table it writes to {@code .rodata}, which the object must carry as global data.
 */
@Bpf(license = "GPL")
public final class TrailingZeros {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    /** The popcount of the bits below the lowest set bit is what LLVM turns into a table lookup. */
    static long count(long a, long b) {
        return Long.numberOfTrailingZeros(a) * 100L + Long.signum((long) Long.numberOfTrailingZeros(b)) + Long.bitCount(a - 1 & ~a) * 7L;
    }

    @Section("xdp/ctz")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, count(a, b));
        return XdpContext.XDP_PASS;
    }
}
