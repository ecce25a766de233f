package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Compound assignments to int, short, byte and char variables with long operands and shift amounts, which Java narrows back. */
@Bpf(license = "GPL")
public final class CompoundWideOperands {
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
        x += b;
        x <<= b;
        x *= a;
        short s = (short) a;
        s += b;
        s >>= b;
        s ^= a;
        byte y = (byte) b;
        y -= a;
        y >>>= a;
        y |= b;
        char c = (char) a;
        c += b;
        c >>= a;
        c -= 1;
        int q = (int) b;
        q /= (a == 0 ? 1 : a);
        int m = (int) a;
        m %= (b == 0 ? 7 : b);
        return x * 31L + s * 7L + y * 3L + c + q * 11L + m;
    }
}
