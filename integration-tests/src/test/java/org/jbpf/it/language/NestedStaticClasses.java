package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Static methods and constants of a static nested class, of a class nested in it, and of a nested interface. */
@Bpf(license = "GPL")
public final class NestedStaticClasses {
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

    static final class Limits {
        static final long FLOOR = -1000;
        static final int STEP = 10;

        static long bound(long v) { return Math.max(FLOOR, Math.min(-FLOOR, v)); }

        static final class Inner {
            static final long WEIGHT = 7;

            static long weigh(long v, int k) { return v * (WEIGHT + k) + Limits.bound(v >> 3); }
        }
    }

    interface Tables {
        short MARK = -2;
        long BASE = Long.MAX_VALUE / 3;

        static long marked(long v) { return v * MARK + Limits.STEP; }
    }

    static long compute(long a, long b) {
        int k = (int) (b & 3);
        long r = Limits.bound(a) * Limits.STEP + Limits.Inner.weigh(b, (int) (a & 7));
        return r + Tables.marked(k) + Tables.BASE + Limits.Inner.WEIGHT;
    }
}
