package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A static final table of structs made with constants. */
@Bpf(license = "GPL")
public final class StaticStructTable {
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
    public record Range(long low, long high) {}

    static final Range[] RANGES = {new Range(0, 10), new Range(10, 100), new Range(100, 1000)};

    static long compute(long a, long b) {
        long r = 0;
        for (Range g : RANGES) if (a >= g.low() && a < g.high()) r += g.high() - g.low();
        return r + b;
    }
}
