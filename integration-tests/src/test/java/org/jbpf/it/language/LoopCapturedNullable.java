package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A Loops.repeat lambda that captures a map value before testing it against null. */
@Bpf(license = "GPL")
public final class LoopCapturedNullable {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Struct
    public static final class Sum {
        public long total;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Sum s = new Sum();
        Loops.repeat(4, (i, st) -> { st.total += a == null ? 0 : a * i; return 0; }, s);
        out.update(0, s.total);
        return XdpContext.XDP_PASS;
    }
}
