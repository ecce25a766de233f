package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** One local slot reused by variables of different types in sibling blocks, and var with narrow types. */
@Bpf(license = "GPL")
public final class VarShadowing {
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
        {
            int t = (int) a;
            r += t * 3;
        }
        {
            long t = b * 5;
            r += t;
        }
        {
            var t = (short) (a ^ b);
            r += t;
        }
        for (var i = (byte) 0; i < 3; i++) r += i * a;
        return r;
    }
}
