package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** An enum whose constants carry numbers set by its constructor, read through fields and a method of the enum. */
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
        LOW(1, 'l', 10_000_000_000L), MEDIUM(3, 'm', -7), HIGH(5, 'h', 0);

        final int weight;
        final char tag;
        final long limit;

        Level(int weight, char tag, long limit) {
            this.weight = weight;
            this.tag = tag;
            this.limit = limit;
        }

        long scaled(long x) { return weight * x + tag; }
    }

    static long compute(long a, long b) {
        Level l = a > b ? Level.HIGH : a == b ? Level.MEDIUM : Level.LOW;
        Level m = (b & 1) == 0 ? Level.MEDIUM : l;
        return l.weight * b + l.scaled(a) + Level.HIGH.weight + (m.limit ^ a) + m.tag;
    }
}
