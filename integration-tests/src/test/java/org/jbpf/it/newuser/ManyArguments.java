package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Helper methods with five arguments of different widths, called from several places. */
@Bpf(license = "GPL")
public final class ManyArguments {
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
        return mix((int) a, b, (short) a, (byte) b, a > b) + mix((int) b, a, (short) b, (byte) a, a == b)
                + mix(1, 2, (short) 3, (byte) 4, false) + weigh((char) a, (int) (b >> 3), a ^ b);
    }

    static long mix(int x, long y, short s, byte t, boolean flag) {
        long r = x * 3L + y - s * t;
        if (flag) r = ~r;
        return r + (s >> 2) + (t & 0x7f);
    }

    static long weigh(char c, int n, long v) {
        return c * 2 + n % 7 + (v & 0xffff);
    }
}
