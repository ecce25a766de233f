package org.jbpf.bench;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Enum switches for the code-size table: two values classified into levels, switches over the levels and an enum
 * method, the same computation as the C twin {@code scripts/bench/c/EnumLevels.bpf.c}.
 */
@Bpf(license = "GPL")
public final class EnumLevels {
    public enum Level {
        OFF, LOW, MEDIUM, HIGH, CRITICAL;

        boolean alarming() { return this == HIGH || this == CRITICAL; }
    }

    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 2);

    static Level levelOf(long v) {
        if (v < 0) return Level.CRITICAL;
        if (v == 0) return Level.OFF;
        if (v < 100) return Level.LOW;
        return v < 10_000 ? Level.MEDIUM : Level.HIGH;
    }

    static long weight(Level l) {
        switch (l) {
            case OFF: return 0;
            case LOW: return 3;
            case HIGH: return 50;
            case CRITICAL: return 1000;
            default: return 7;
        }
    }

    static long classify(long a, long b) {
        Level x = levelOf(a), y = levelOf(b);
        long r = weight(x) * 10_000 + weight(y);
        if (x == y) r += 5;
        if (x != Level.OFF && y.alarming()) r = -r;
        r = r * 8 + x.ordinal() - y.ordinal();
        switch (y) {
            case MEDIUM: r += 100; break;
            case CRITICAL: r ^= 0xff; break;
            default: break;
        }
        return r;
    }

    @Section("xdp")
    static int runClassify(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, classify(a, b));
        return XdpContext.XDP_PASS;
    }
}
