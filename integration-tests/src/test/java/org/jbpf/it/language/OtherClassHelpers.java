package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Static helpers of another class of the project and of a nested utility class, inlined as the probe's own. */
@Bpf(license = "GPL")
public final class OtherClassHelpers {
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

    static final class Bits {
        static int low(long v, int n) { return (int) (v & ((1L << n) - 1)); }
    }

    static long compute(long a, long b) {
        return LanguageMath.clamp(a, -1000, 1000) * 3 + LanguageMath.mix((int) a, (int) b) + Bits.low(b, 12);
    }
}
