package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Boolean locals changed with &=, |=, ^= and !, and booleans counted as 0 or 1. */
@Bpf(license = "GPL")
public final class BooleanCompound {
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


    static long compute(long a, long b) {
        boolean ok = true, any = false, odd = false;
        for (int i = 0; i < 8; i++) {
            boolean bit = (a >>> i & 1) != 0;
            ok &= bit || (b >>> i & 1) != 0;
            any |= bit && (b >>> i & 1) != 0;
            odd ^= bit;
        }
        boolean flip = !ok;
        flip = flip != any;
        return (ok ? 1 : 0) + (any ? 2 : 0) + (odd ? 4 : 0) + (flip ? 8 : 0) + Boolean.compare(ok, any) * 16L + Boolean.hashCode(odd);
    }
}
