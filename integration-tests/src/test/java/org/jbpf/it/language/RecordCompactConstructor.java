package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A record whose compact constructor orders and clamps its components, and methods of the record. */
@Bpf(license = "GPL")
public final class RecordCompactConstructor {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);


    @Struct
    public record Range(long lo, long hi) {
        public Range {
            if (lo > hi) {
                long t = lo;
                lo = hi;
                hi = t;
            }
            if (hi - lo > 500) hi = lo + 500;
        }

        long width() { return hi - lo; }

        boolean contains(long v) { return v >= lo && v <= hi; }
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
        Range r = new Range(a % 1000, b % 1000);
        Range s = new Range(b >> 40, a >> 40);
        return r.width() * 1_000_003L + s.width() + r.lo() * 7 + s.hi() + (r.contains(s.lo()) ? 1 : 0);
    }
}
