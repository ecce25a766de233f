package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A record kept in a static final field of its class. */
@Bpf(license = "GPL")
public final class RecordStaticConstant {
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
    public record Range(long lo, long hi) {
        static final Range EMPTY = new Range(0, 0);
    }

    static long compute(long a, long b) {
        Range r = a < b ? new Range(a, b) : Range.EMPTY;
        return r.hi() - r.lo();
    }
}
