package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A helper with a long... parameter: javac passes a new long[] of the arguments. */
@Bpf(license = "GPL")
public final class VarargsNumbers {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);


    static long sum(long... xs) {
        long s = 0;
        for (long x : xs) s += x;
        return s + xs.length;
    }

    static long max(long first, long... rest) {
        long m = first;
        for (int i = 0; i < rest.length; i++) if (rest[i] > m) m = rest[i];
        return m;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }


    static long compute(long a, long b) {
        return sum(a, b, a ^ b) * 3 + sum(b) + sum() + max(a, b & 0xffff, -5);
    }
}
