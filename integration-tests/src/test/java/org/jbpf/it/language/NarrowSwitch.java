package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Switches on byte, short and char values with negative and high cases. */
@Bpf(license = "GPL")
public final class NarrowSwitch {
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
        short y = (short) b;
        char z = (char) (a >> 8);
        int r = 0;
        switch (x) { case -128: r += 1; break; case -1: r += 2; break; case 127: r += 3; break; default: r += x & 3; }
        switch (y) { case Short.MIN_VALUE -> r += 10; case -2 -> r += 20; case 300 -> r += 30; default -> r += y >> 12; }
        switch (z) { case '\uffff' -> r += 100; case 0 -> r += 200; case 'j' -> r += 300; default -> r += z >> 14; }
        return r;
    }
}
