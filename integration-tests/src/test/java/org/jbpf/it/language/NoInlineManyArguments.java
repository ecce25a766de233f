package org.jbpf.it.language;

import org.jbpf.NoInline;
import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A @NoInline helper with six parameters: a BPF function takes at most five. */
@Bpf(license = "GPL")
public final class NoInlineManyArguments {
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

    @NoInline
    static long six(long p0, long p1, long p2, long p3, long p4, long p5) {
        return p0 + p1 * 2 + p2 * 3 + p3 * 4 + p4 * 5 + p5 * 6;
    }

    static long compute(long a, long b) {
        return six(a, b, a + 1, b + 1, a ^ b, 7);
    }
}
