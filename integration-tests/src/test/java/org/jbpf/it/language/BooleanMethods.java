package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Boolean's static logical methods and compare over conditions computed from the inputs. */
@Bpf(license = "GPL")
public final class BooleanMethods {
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
        boolean p = a > b, q = (a & 1) == 0, r = b < 0;
        long x = Boolean.logicalXor(p, q) ? 1 : 0;
        long y = Boolean.logicalAnd(q, r) ? 2 : 0;
        long z = Boolean.logicalOr(p, r) ? 4 : 0;
        return x + y + z + Boolean.compare(p, r) * 8L + Boolean.hashCode(q) + (Boolean.logicalXor(!p, r) ? 16 : 0);
    }
}
