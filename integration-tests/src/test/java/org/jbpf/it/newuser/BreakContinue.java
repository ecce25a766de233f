package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A for loop with continue and break, and a while loop with a compound condition. */
@Bpf(license = "GPL")
public final class BreakContinue {
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
        for (int i = 0; i < 40; i++) {
            if ((a >> i & 1) == 0) continue;
            r += i;
            if (r > (b & 0xff)) break;
        }
        int steps = 0;
        long v = a;
        while (v != 0 && steps < 20) {
            v >>>= 3;
            steps++;
        }
        return r * 100 + steps;
    }
}
