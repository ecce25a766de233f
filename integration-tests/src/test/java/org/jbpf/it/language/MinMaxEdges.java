package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Math.abs of the most negative numbers, and min/max chains over mixed int and long arguments. */
@Bpf(license = "GPL")
public final class MinMaxEdges {
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
        int x = (int) a, y = (int) b;
        long r = Math.abs(Integer.MIN_VALUE) + Math.abs(Long.MIN_VALUE) / 2 + Math.abs(x) - Math.abs(y);
        r += Math.max(Math.max(x, y), Math.min(a, b)) + Math.min(Math.min(x, y), 0) * 3;
        r += Long.max(a, 7) - Integer.min(y, -7) + Math.max((short) a, (byte) b);
        return r + Math.floorMod(x, 10) + Math.floorDiv(a, -3) + Math.abs((short) b) + Math.abs((char) a);
    }
}
