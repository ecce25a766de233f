package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Two keys compared as unequal, then one of them assigned the other before the map write: the write may be the value's key. */
@Bpf(license = "GPL")
public final class ComparedKeyReassigned {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);
    public static final ArrayMap<Long> cells = new ArrayMap<>(Long.class, 4);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        int k = (int) (a & 3), j = (int) (b & 3);
        Long old = cells.lookup(k);
        if (old == null) return XdpContext.XDP_DROP;
        if (j != k) {
            j = k;
            cells.update(j, 5L);
            out.update(0, old);
        }
        return XdpContext.XDP_PASS;
    }
}
