package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A search loop that returns from inside the loop on the first match. */
@Bpf(license = "GPL")
public final class EarlyReturnInLoop {
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
        for (int i = 0; i < 16; i++) {
            long nibble = (a >>> (i * 4)) & 0xf;
            if (nibble == (b & 0xf)) return i * 1000L + nibble;
            if (nibble == 0xf) return -i;
        }
        return 99;
    }
}
