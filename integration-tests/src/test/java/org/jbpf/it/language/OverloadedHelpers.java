package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Static helpers overloaded by int, long and short parameters: Java picks each at compile time. */
@Bpf(license = "GPL")
public final class OverloadedHelpers {
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

    static long f(int x) { return x * 2L; }
    static long f(long x) { return x * 3; }
    static long f(short x) { return x * 5L; }
    static long f(int x, long y) { return x - y; }

    static long compute(long a, long b) {
        int x = (int) a;
        short s = (short) b;
        return f(x) + f(a) + f(s) + f(x, b) + f((int) s) + f((long) x);
    }
}
