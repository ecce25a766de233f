package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/** Values looked up, used and updated in a loop, each turn looking the value up again: the common form of counting, which translates. */
@Bpf(license = "GPL")
public final class LookupUpdateLoop {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, a + b);
        return XdpContext.XDP_PASS;
    }

    public static final ArrayMap<Long> cells = new ArrayMap<>(Long.class, 4);

    @Section("xdp/count")
    static int count(XdpContext ctx) {
        Long a = in.lookup(0);
        if (a == null) return XdpContext.XDP_ABORTED;
        long total = 0;
        for (int k = 0; k < 4; k++) {
            Long v = cells.lookup(k);
            long now = v == null ? 0 : v;
            total += now;
            cells.update(k, now + a + k);
            Long again = cells.lookup(k);
            if (again != null) total += again * 3;
        }
        out.update(0, total);
        return XdpContext.XDP_PASS;
    }

    public static final HashMap<Integer, Long> starts = new HashMap<>(Integer.class, Long.class, 16);

    /** A latency probe's shape: look the start up, delete it, then use the value looked up. */
    @Section("xdp/elapsed")
    static int elapsed(XdpContext ctx) {
        Long a = in.lookup(0);
        if (a == null) return XdpContext.XDP_ABORTED;
        Long begin = starts.lookup(7);
        if (begin == null) return XdpContext.XDP_DROP;
        starts.delete(7);
        out.update(0, a - begin);
        return XdpContext.XDP_PASS;
    }
}
