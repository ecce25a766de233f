package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A ternary choosing between two local @Struct objects, then reading and writing the chosen one. */
@Bpf(license = "GPL")
public final class StructTernary {
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

    @Struct
    public static final class Pair {
        public long first, second;
    }

    static long compute(long a, long b) {
        Pair p = new Pair(), q = new Pair();
        p.first = a; p.second = b;
        q.first = b; q.second = a;
        Pair chosen = a < b ? p : q;
        chosen.second += 3;
        return chosen.first * 7 + chosen.second + p.second;
    }
}
