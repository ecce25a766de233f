package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A record that overrides its accessors, with static factory methods and a method making a new record. */
@Bpf(license = "GPL")
public final class RecordAccessorOverride {
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
    public record Reading(long raw, int scale) {
        /** Never negative, as callers expect. */
        public long raw() { return raw < 0 ? -raw : raw; }

        public int scale() { return scale == 0 ? 1 : scale; }

        static Reading of(long raw) { return new Reading(raw, (int) (raw & 7)); }

        static Reading zero() { return new Reading(0, 1); }

        Reading plus(Reading o) { return new Reading(raw() + o.raw(), scale() * o.scale()); }
    }

    static long compute(long a, long b) {
        Reading r = Reading.of(a);
        Reading s = Reading.of(b).plus(r);
        Reading z = a == b ? Reading.zero() : s;
        return r.raw() / r.scale() + s.raw() * 3 + s.scale() + z.scale() * 7 + r.raw;
    }
}
