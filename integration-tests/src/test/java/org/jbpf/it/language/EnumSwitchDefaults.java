package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A switch over an enum chosen by a computed ordinal: cases sharing bodies, fall-through and a default. */
@Bpf(license = "GPL")
public final class EnumSwitchDefaults {
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

    static long weigh(Level l, long v) {
        long r = 0;
        switch (l) {
            case LOW:
                r += 1;
            case MID:
                r += v & 0xff;
                break;
            case HIGH:
                return v >> 3;
            default:
                r = -v;
        }
        return r * 3;
    }

    static long compute(long a, long b) {
        Level[] levels = Level.values();
        Level l = levels[(int) (a & 3)];
        Level m = levels[(int) ((b >>> 5) & 3)];
        long r = weigh(l, b) + weigh(m, a);
        if (l == m) r += 1000;
        if (l.compareTo(m) < 0) r += 77;
        return r + l.ordinal() * 10 + m.ordinal();
    }
}
