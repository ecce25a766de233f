package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Constants and tables declared in an interface nested in the probe, and a static method of a local class. */
@Bpf(license = "GPL")
public final class NestedInterfaceTable {
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

    interface Limits {
        int LOW = 3;
        long[] STEPS = {1, 4, 9, 16, 25};
        byte[] MASKS = {1, 3, 7, 15};
    }

    static long compute(long a, long b) {
        class Scale {
            static long times(long v, int k) { return v * Limits.STEPS[k] + Limits.LOW; }
        }
        int k = (int) Math.floorMod(b, 5L);
        return Scale.times(a, k) + (a & Limits.MASKS[(int) (a & 3)]) + Limits.STEPS.length;
    }
}
