package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A @Struct with an enum field. */
@Bpf(license = "GPL")
public final class EnumField {
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

    enum Mode { OFF, ON }

    @Struct
    public static final class State {
        public Mode mode;
        public long since;
    }

    static long compute(long a, long b) {
        State s = new State();
        s.mode = a > b ? Mode.ON : Mode.OFF;
        s.since = b;
        return s.mode == Mode.ON ? s.since : -s.since;
    }
}
