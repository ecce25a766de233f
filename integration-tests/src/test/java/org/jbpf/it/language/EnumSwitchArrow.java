package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** An enum chosen from the input, switched over with arrows (every constant, no default) and compared with ==, equals and compareTo. */
@Bpf(license = "GPL")
public final class EnumSwitchArrow {
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

    enum Level { LOW, MID, HIGH, MAX }

    static Level level(long v) {
        if (v < 10) return Level.LOW;
        if (v < 1000) return Level.MID;
        return v < 1_000_000 ? Level.HIGH : Level.MAX;
    }

    static long compute(long a, long b) {
        Level l = level(a);
        long w = switch (l) {
            case LOW -> 1;
            case MID -> 10;
            case HIGH -> 100;
            case MAX -> 1000;
        };
        Level m = level(b);
        return w + (l == m ? 5 : 0) + (l.equals(m) ? 50 : 0) + m.ordinal() * 3L + (l.compareTo(m) > 0 ? 7 : 0);
    }
}
