package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** An enum with a method and a switch over it, as a user classifies a state. */
@Bpf(license = "GPL")
public final class EnumStates {
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

    enum Level { LOW, MEDIUM, HIGH, CRITICAL;
        boolean urgent() { return this == HIGH || this == CRITICAL; }
    }

    static Level level(long v) {
        if (v < 10) return Level.LOW;
        if (v < 1000) return Level.MEDIUM;
        if (v < 1_000_000) return Level.HIGH;
        return Level.CRITICAL;
    }

    static long compute(long a, long b) {
        Level l = level(a), m = level(b);
        long r;
        switch (l) {
            case LOW: r = 1; break;
            case MEDIUM: r = 20; break;
            case HIGH: r = 300; break;
            default: r = 4000;
        }
        if (m.urgent()) r += 5;
        if (l == m) r *= 2;
        return r + l.ordinal() * 10L + m.ordinal();
    }
}
