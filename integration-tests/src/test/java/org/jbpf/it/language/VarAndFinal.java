package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Local variable type inference (var) and final locals, as Java 10+ code writes them. */
@Bpf(license = "GPL")
public final class VarAndFinal {
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
        var x = (int) a;
        final var y = b >>> 3;
        final int z = x * 3;
        var total = 0L;
        for (var i = 0; i < 4; i++) total += (long) z * i + y;
        return total;
    }
}
