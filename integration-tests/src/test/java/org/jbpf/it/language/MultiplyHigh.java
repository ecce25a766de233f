package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** The high 64 bits of the 128-bit product, signed (Math.multiplyHigh), over every sign and size. */
@Bpf(license = "GPL")
public final class MultiplyHigh {
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
        return Math.multiplyHigh(a, b) * 31 + Math.multiplyHigh(a, 3) + Math.multiplyHigh(b, -1L << 40);
    }
}
