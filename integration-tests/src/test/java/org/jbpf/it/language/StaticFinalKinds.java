package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** static final fields of every primitive kind, constant and computed from constants when the class loads. */
@Bpf(license = "GPL")
public final class StaticFinalKinds {
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

    static final byte B = -7;
    static final short S = 30000;
    static final char C = 'x';
    static final int I = 1 << 20;
    static final long L = 1L << 40;
    static final boolean FLAG = true;
    static final int COMPUTED = I * 3 + C;
    static final long MASK = (L - 1) ^ Long.MAX_VALUE;
    static final int LENGTH = "jbpf".length();

    static long compute(long a, long b) {
        long r = a * B + b * S + C + (FLAG ? I : 0) + (a & MASK) + COMPUTED + LENGTH;
        return r ^ L;
    }
}
