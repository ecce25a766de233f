package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A value shifted left or right by a condition in a loop, and constant shifts past the width Java masks. */
@Bpf(license = "GPL")
public final class ConditionalShifts {
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


    static long compute(long a, long b) {
        int x = (int) a;
        long y = b;
        for (int i = 0; i < 8; i++) {
            x = (b >>> i & 1) != 0 ? x << 1 : x >>> 1;
            y = (a >>> i & 1) != 0 ? y >> 3 : y << 5;
        }
        int w = (int) a;
        long v = b;
        return x + y * 3 + (w << 33) + (w >> 40) + (w >>> -1) + (v << 65) + (v >>> 127) + (v >> -63) + ((byte) w >> 9) + ((short) w << 20);
    }
}
