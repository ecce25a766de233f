package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Compound shifts and arithmetic on byte, short and char variables: each result narrowed back as Java narrows it, negative bytes shifted unsigned after widening. */
@Bpf(license = "GPL")
public final class NarrowShiftCompound {
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
        x >>>= 1;                    // widened to a negative int first: the top bits stay set once narrowed
        byte y = (byte) b;
        y >>>= (int) (a & 15);
        short s = (short) (a >> 8);
        s >>>= 20;
        s += b;
        s *= 7;
        char c = (char) b;
        c -= a;
        c >>>= 2;
        c <<= 3;
        byte z = (byte) (a >> 3);
        z <<= 5;
        z ^= (byte) b;
        short t = (short) b;
        t /= (short) ((a & 7) - 4 | 1);
        t %= 5;
        return x * 1_000_003L + y * 7919L + s * 31L + c * 3L + z * 101L + t;
    }
}
