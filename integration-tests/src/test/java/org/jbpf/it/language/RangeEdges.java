package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Conditions that hold for most values but not at the edges where Java wraps (x + 1 > x, Math.abs(x) >= 0, -x == x), which no range reasoning may fold away. */
@Bpf(license = "GPL")
public final class RangeEdges {
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
        long r = 0;
        int y = x + 1;
        if (y > x) r |= 1;
        if (Math.abs(x) >= 0) r |= 2;
        if (Math.abs(a) < 0) r |= 4;
        long z = a + 1;
        if (z < a) r |= 8;
        int m = x * 2;
        if (m < x) r |= 16;
        if (-x == x) r |= 32;
        if ((x & 0xff) + 1 > 0) r |= 64;
        if ((byte) x < 128) r |= 128;
        if ((char) x >= 0) r |= 256;
        int u = x >>> 1;
        if (u >= 0) r |= 512;
        if ((x >> 31) == -1) r |= 1024;
        if (x - 1 < x) r |= 2048;
        int k = (int) (b & 15);
        if (k - 16 < 0) r |= 4096;
        if (x / -1 == -x) r |= 8192;
        if (x % 7 > -7) r |= 16384;
        short s = (short) (x + 30000);
        if (s > 0) r |= 32768;
        return r;
    }
}
