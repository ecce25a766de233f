package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Compound shifts of byte, short and char locals, which shift the widened int and narrow back (a negative byte >>>= 1 stays negative). */
@Bpf(license = "GPL")
public final class CompoundShiftNarrow {
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
        byte x = (byte) a;
        short y = (short) (a >> 8);
        char z = (char) (a >> 24);
        int s = (int) (b & 15);
        x >>>= 1;
        y >>>= s;
        z >>= s;
        byte x2 = (byte) b;
        x2 <<= s;
        short y2 = (short) b;
        y2 >>= 1;
        char z2 = (char) b;
        z2 <<= 9;
        long r = x;
        r = r * 1009 + y;
        r = r * 1009 + z;
        r = r * 1009 + x2;
        r = r * 1009 + y2;
        r = r * 1009 + z2;
        return r;
    }
}
