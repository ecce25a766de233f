package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A while (true) loop left by break, with the counter kept outside. */
@Bpf(license = "GPL")
public final class WhileWithBreak {
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
        long v = a;
        int steps = 0;
        while (true) {
            if (v == 0 || steps == 64) break;
            v &= v - 1;
            steps++;
        }
        return steps * 1000L + (b & 0xff);
    }
}
