package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Compound assignments on byte, short and char locals, which Java narrows after each operation. */
@Bpf(license = "GPL")
public final class NarrowCompound {
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
        short s = (short) b;
        char c = (char) (a >> 16);
        x += 100;
        x >>>= 1;
        x *= 3;
        s -= 30000;
        s <<= 3;
        s ^= 0x7f;
        c += 65000;
        c >>= 2;
        c |= 1;
        int i = (int) b;
        i >>>= 7;
        i %= 1000;
        boolean flag = a > 0;
        flag &= b > 0;
        flag |= a == b;
        return x + s * 7L + c * 13L + i + (flag ? 1 : 0);
    }
}
