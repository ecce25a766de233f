package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

@Bpf(license = "GPL")
public final class FloorMixedWidths {
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
        int d = (int) b | 1;
        long r = Math.floorDiv(a, d) * 3 + Math.floorMod(a, d) * 5;
        int m = Math.floorMod(a, d);
        r += m * 7L + Math.floorDiv((int) a, d) + Math.floorMod((int) a, d) * 11;
        return r;
    }
}
