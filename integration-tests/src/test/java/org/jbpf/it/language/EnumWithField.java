package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** An enum whose constants carry a number, read through a field. */
@Bpf(license = "GPL")
public final class EnumWithField {
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

    enum Level {
        LOW(1), HIGH(5);

        final int weight;

        Level(int weight) {
            this.weight = weight;
        }
    }

    static long compute(long a, long b) {
        Level l = a > b ? Level.HIGH : Level.LOW;
        return l.weight * b;
    }
}
