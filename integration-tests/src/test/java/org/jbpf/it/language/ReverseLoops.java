package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Loops counting down, stepping by 3, with a long index and over an array from its end. */
@Bpf(license = "GPL")
public final class ReverseLoops {
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
        long[] t = new long[8];
        for (int i = t.length - 1; i >= 0; i--) t[i] = (a >>> (i * 8)) & 0xff;
        long r = 0;
        for (int i = 0; i < 8; i += 3) r = r * 257 + t[i];
        for (long k = b & 15; k > 0; k -= 2) r += k;
        int n = 0;
        for (int i = 7; i > 0 && t[i] == 0; i--) n++;
        return r * 16 + n;
    }
}
