package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Loops whose counter is a long, counting up by steps and down. */
@Bpf(license = "GPL")
public final class LongLoopCounter {
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
        long r = 0;
        for (long i = 0; i < 12; i += 3) r += (a >> i) & 0xff;
        for (long j = 10L; j > 0; j -= 2) r = r * 3 + (b >>> (j * 5) & 7);
        long k = 1;
        while (k < 1L << 40) k <<= 7;
        return r + k;
    }
}
