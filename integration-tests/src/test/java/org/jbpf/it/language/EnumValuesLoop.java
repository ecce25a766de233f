package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A loop over the constants of an enum with values(). */
@Bpf(license = "GPL")
public final class EnumValuesLoop {
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
        LOW(1), MID(10), HIGH(100);

        final int weight;

        Level(int weight) { this.weight = weight; }
    }

    static long compute(long a, long b) {
        long r = 0;
        for (Level l : Level.values()) if (a > l.weight) r += l.ordinal() + l.weight;
        return r + Level.values().length;
    }
}
