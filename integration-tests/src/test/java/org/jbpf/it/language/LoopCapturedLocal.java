package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A Loops.repeat body written as a lambda that captures a final local of the program. */
@Bpf(license = "GPL")
public final class LoopCapturedLocal {
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

    @Struct
    public static final class Sum {
        public long total;
    }

    static long compute(long a, long b) {
        final long step = b & 0xff;
        Sum s = new Sum();
        Loops.repeat(8, (i, st) -> { st.total += step * i; return 0; }, s);
        return s.total + a;
    }
}
