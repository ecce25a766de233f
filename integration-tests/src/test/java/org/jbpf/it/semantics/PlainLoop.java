package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** {@link LoopCounts}'s stopping loop as a plain Java loop: the verifier walks every one of its 100,000 iterations. */
@Bpf(license = "GPL")
public final class PlainLoop {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 1);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 8);

    @Section("xdp/plain")
    static int run(XdpContext ctx) {
        Long limit = in.lookup(0);
        if (limit == null) return XdpContext.XDP_ABORTED;
        long lim = limit, sum = 0, count = 0;
        for (int i = 0; i < 100_000; i++) {
            sum += i;
            count++;
            if (sum >= lim) break;
        }
        out.update(2, sum);
        out.update(3, count);
        return XdpContext.XDP_PASS;
    }
}
