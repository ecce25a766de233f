package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Bit operations on bytes: masks with 0xff, shifts of negative bytes, and packing bytes into an int. */
@Bpf(license = "GPL")
public final class ByteBitOps {
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
        byte[] v = new byte[4];
        for (int i = 0; i < 4; i++) v[i] = (byte) (a >> (i * 8));
        int packed = (v[0] & 0xff) | (v[1] & 0xff) << 8 | (v[2] & 0xff) << 16 | v[3] << 24;
        int hi = v[3] >>> 4, lo = (v[3] & 0xff) >>> 4, sign = v[2] >> 7;
        byte inv = (byte) ~v[1];
        return packed + hi * 3L + lo * 5L + sign * 7L + inv + (byte) (v[0] ^ (byte) b);
    }
}
