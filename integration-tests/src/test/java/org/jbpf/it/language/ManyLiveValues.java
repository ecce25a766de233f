package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Sixteen longs live across a loop at once, more than the registers BPF has. */
@Bpf(license = "GPL")
public final class ManyLiveValues {
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
        long v0 = a, v1 = b, v2 = a ^ b, v3 = a + b, v4 = a - b, v5 = a * 3, v6 = b * 5, v7 = a >> 3;
        long v8 = b >>> 5, v9 = a | b, v10 = a & b, v11 = ~a, v12 = -b, v13 = a << 2, v14 = b << 7, v15 = a * b;
        for (int i = 0; i < 3; i++) {
            v0 += v15; v1 ^= v14; v2 -= v13; v3 += v12 * i; v4 ^= v11; v5 += v10; v6 -= v9; v7 += v8;
            v8 ^= v7; v9 += v6; v10 -= v5; v11 ^= v4; v12 += v3; v13 -= v2; v14 ^= v1; v15 += v0;
        }
        return v0 + v1 * 3 + v2 * 5 + v3 * 7 + v4 * 11 + v5 * 13 + v6 * 17 + v7 * 19 + v8 * 23 + v9 * 29 + v10 * 31 + v11 * 37
                + v12 * 41 + v13 * 43 + v14 * 47 + v15 * 53;
    }
}
