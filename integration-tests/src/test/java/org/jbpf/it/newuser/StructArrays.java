package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

import org.jbpf.Size;
import org.jbpf.Struct;
/** A local @Struct holding @Size arrays, filled and reduced in loops, with compound assignments on its elements. */
@Bpf(license = "GPL")
public final class StructArrays {
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
    public static final class Window {
        @Size(8) public int[] samples = new int[8];
        @Size(4) public long[] totals = new long[4];
        public int count;
        public short last;
    }

    static long compute(long a, long b) {
        Window w = new Window();
        for (int i = 0; i < w.samples.length; i++) {
            w.samples[i] = (int) (a >> (i * 4)) & 0xf;
            w.count++;
        }
        for (int i = 0; i < w.samples.length; i++) w.totals[i & 3] += w.samples[i];
        w.totals[(int) (b & 3)] *= 3;
        w.totals[1] -= b;
        w.samples[(int) (b & 7)] <<= 2;
        w.last = (short) w.samples[7];
        w.last += 1;
        long r = w.count + w.last;
        for (long t : w.totals) r = r * 7 + t;
        return r + w.samples[(int) (b & 7)];
    }
}
