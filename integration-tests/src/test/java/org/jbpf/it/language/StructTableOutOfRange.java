package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A static final table of records read at any index from the input: in range its element, out of range zeros. */
@Bpf(license = "GPL")
public final class StructTableOutOfRange {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 1);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 2);

    @Struct
    public record Limit(int low, long high) {}

    static final Limit[] LIMITS = {new Limit(1, 10), new Limit(-2, 20), new Limit(3, -30)};

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        if (a == null) return XdpContext.XDP_ABORTED;
        int k = (int) (long) a;
        Limit l = LIMITS[k];
        out.update(0, (long) l.low());
        out.update(1, l.high());
        return XdpContext.XDP_PASS;
    }
}
