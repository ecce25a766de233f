package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** An enum's ordinal, compareTo, values().length and a switch over it in a helper, with constants chosen by numbers. */
@Bpf(license = "GPL")
public final class EnumOrdinals {
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

    enum Level { LOW, MID, HIGH, TOP }

    static Level of(long v) {
        int k = (int) (v & 3);
        return k == 0 ? Level.LOW : k == 1 ? Level.MID : k == 2 ? Level.HIGH : Level.TOP;
    }

    static int weight(Level l) {
        switch (l) {
            case LOW: return 1;
            case MID: return 5;
            case HIGH: return 25;
            default: return 125;
        }
    }

    static long compute(long a, long b) {
        Level x = of(a), y = of(b);
        long r = x.ordinal() * 10 + Integer.signum(x.compareTo(y)) * 3 + weight(x) * 1000 + weight(y);
        if (x == Level.TOP || y != Level.LOW) r += 7;
        return r + Level.values().length;
    }
}
