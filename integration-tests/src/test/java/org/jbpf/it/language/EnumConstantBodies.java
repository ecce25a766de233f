package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** An enum whose constants override an abstract method each. */
@Bpf(license = "GPL")
public final class EnumConstantBodies {
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

    enum Op {
        ADD { long apply(long x, long y) { return x + y; } },
        XOR { long apply(long x, long y) { return x ^ y; } };

        abstract long apply(long x, long y);
    }

    static long compute(long a, long b) {
        Op op = (a & 1) == 0 ? Op.ADD : Op.XOR;
        return op.apply(a, b);
    }
}
