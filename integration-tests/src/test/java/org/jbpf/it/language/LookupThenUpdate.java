package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A value looked up, its key updated, then the looked-up value used: Java's Long keeps the old number, the map's element changed in place. */
@Bpf(license = "GPL")
public final class LookupThenUpdate {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 1);
    public static final ArrayMap<Long> cells = new ArrayMap<>(Long.class, 1);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        if (a == null) return XdpContext.XDP_ABORTED;
        Long old = cells.lookup(0);
        if (old == null) return XdpContext.XDP_ABORTED;
        cells.update(0, a);
        out.update(0, old);
        return XdpContext.XDP_PASS;
    }
}
