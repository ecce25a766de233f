package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A switch over a string constant chosen at run time (by a number): strings exist in programs only as constants, so it is refused. */
@Bpf(license = "GPL")
public final class StringSwitchCollisions {
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

    static String pick(long a) {
        switch ((int) (a & 3)) {
            case 0: return "Aa";
            case 1: return "BB";
            case 2: return "AaAa";
            default: return "BBBB";
        }
    }

    static long compute(long a, long b) {
        long r = 0;
        switch (pick(a)) {
            case "Aa": r = 1; break;
            case "BB": r = 2; break;
            case "AaBB": r = 3; break;
            case "BBBB": r = 4; break;
            default: r = 5;
        }
        return r * 10 + (pick(b).equals("BB") ? 1 : 0) + pick(a).length() * 100;
    }
}
