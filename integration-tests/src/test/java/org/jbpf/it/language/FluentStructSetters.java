package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Setters of a @Struct that return this, chained as a builder is. */
@Bpf(license = "GPL")
public final class FluentStructSetters {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);


    @Struct
    public static final class Acc {
        public long total;
        public int steps;

        Acc add(long v) { total += v; steps++; return this; }

        Acc times(long k) { total *= k; steps++; return this; }
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }


    static long compute(long a, long b) {
        Acc acc = new Acc().add(a).times(3).add(b & 0xff).times(-2);
        Acc other = new Acc().add(b).add(acc.total >>> 60);
        return acc.total * 31 + other.times(5).total + acc.steps * 1000 + other.steps;
    }
}
