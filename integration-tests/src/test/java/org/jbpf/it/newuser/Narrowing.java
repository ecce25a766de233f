package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Mixes of long, int, short, byte and char with casts that truncate, sign-extend and zero-extend. */
@Bpf(license = "GPL")
public final class Narrowing {
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
        byte bt = (byte) a;
        short sh = (short) b;
        char ch = (char) (a >> 8);
        int n = bt + sh * ch;
        short sum = (short) (sh + bt);
        byte prod = (byte) (bt * 3);
        char back = (char) sh;
        long wide = (long) n * bt + (int) b + (byte) (b >> 7);
        return wide + sum + prod + back + (ch & 0xff) + (bt & 0xff) + (sh >>> 3) + (char) -1;
    }
}
