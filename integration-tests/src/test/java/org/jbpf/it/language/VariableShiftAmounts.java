package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Shifts of int and long values by amounts computed at run time: negative, over the width, and taken from a long. */
@Bpf(license = "GPL")
public final class VariableShiftAmounts {
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
        int s = (int) b;
        long amount = b >> 3;
        long r = (x << s) + (x >> s) + (x >>> s);
        r = r * 31 + (a << s) + (a >> s) + (a >>> s);
        r = r * 31 + (a << amount) + (x >>> amount);
        r = r * 31 + (x << -s) + (a >>> -amount);
        r = r * 31 + ((long) x << (s + 32)) + (x >> (s + 32));
        return r;
    }
}
