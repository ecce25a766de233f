package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * An enum's values() used as Java programs use it: looped over with its constants' fields, indexed by a variable,
 * its length, a switch over an element, an early break, and a copy changed in place, which leaves the next call's
 * array as it was (values() gives a fresh array each time).
 */
@Bpf(license = "GPL")
public final class EnumValuesArrays {
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

    enum Phase {
        IDLE(0, 'i'), START(3, 's'), RUN(7, 'r'), STOP(-2, 'x'), DONE(11, 'd');

        final int cost;
        final char letter;

        Phase(int cost, char letter) {
            this.cost = cost;
            this.letter = letter;
        }
    }

    static int rank(Phase p) {
        switch (p) {
            case IDLE: return 1;
            case RUN: return 5;
            case DONE: return 9;
            default: return 2;
        }
    }

    static long compute(long a, long b) {
        long r = 0;
        for (Phase p : Phase.values()) {
            if (p.cost > (a & 15)) break;
            r = r * 7 + p.cost + p.letter + p.ordinal() + rank(p);
        }
        Phase[] all = Phase.values();
        int k = (int) Math.floorMod(b, all.length);
        Phase chosen = all[k];
        all[0] = chosen;
        all[k] = Phase.IDLE;
        Phase[] again = Phase.values();
        for (int j = 0; j < all.length; j++) r = r * 3 + all[j].ordinal() * 10 + again[j].ordinal() + (all[j] == again[j] ? 1 : 0);
        r += chosen.compareTo(Phase.RUN) * 100 + (chosen == Phase.STOP ? 1000 : 0);
        Phase last = Phase.IDLE;
        for (Phase p : all) if (p.cost < (b & 7)) last = p;
        return r * 13 + last.letter + Phase.values().length;
    }
}
