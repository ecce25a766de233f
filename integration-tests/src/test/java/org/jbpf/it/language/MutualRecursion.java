package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Two helpers that call each other (isEven, isOdd): recursion a BPF program cannot do. */
@Bpf(license = "GPL")
public final class MutualRecursion {
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

    static boolean isEven(long n) { return n == 0 || isOdd(n - 1); }
    static boolean isOdd(long n) { return n != 0 && isEven(n - 1); }

    static long compute(long a, long b) {
        return isEven(a & 15) ? 1 : 0;
    }
}
