package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Varargs helpers called with no argument, one, several and an explicit array, with a fixed parameter before them. */
@Bpf(license = "GPL")
public final class VarargsEdges {
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

    static long sum(long... xs) {
        long s = 0;
        for (long x : xs) s += x;
        return s + xs.length * 1000L;
    }

    static int count(int first, int... rest) {
        int n = first;
        for (int i = 0; i < rest.length; i++) n = n * 3 + rest[i];
        return n;
    }

    static long compute(long a, long b) {
        long[] given = {a, b, a - b};
        return sum() + sum(a) * 3 + sum(a, b, 7) * 5 + sum(given) * 7 + count((int) a) + count((int) b, 1, (int) a, 2) * 11;
    }
}
