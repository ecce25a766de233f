package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Two keys compared as unequal, then the map written under a key chosen between them: it may be the value's own key. */
@Bpf(license = "GPL")
public final class ChosenKeyAfterCompare {
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
            cells.update(a > b ? k : j, 5L);
            out.update(0, old);
        }
        return XdpContext.XDP_PASS;
    }
}
