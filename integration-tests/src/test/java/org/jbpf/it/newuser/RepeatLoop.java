package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

import org.jbpf.Loops;
import org.jbpf.Struct;
/** Loops.repeat (bpf_loop) with a local @Struct as the state, stopped by the body. */
@Bpf(license = "GPL")
public final class RepeatLoop {
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
    public static final class Collatz {
        public long value;
        public int steps;
    }

    static long step(int index, Collatz c) {
        if (c.value <= 1) return 1;
        c.value = (c.value & 1) == 0 ? c.value / 2 : 3 * c.value + 1;
        c.steps++;
        return 0;
    }

    static long compute(long a, long b) {
        Collatz c = new Collatz();
        c.value = (a & 0xffff) + 1;
        int ran = Loops.repeat(1000, RepeatLoop::step, c);
        return c.steps * 10_000L + ran + c.value;
    }
}
