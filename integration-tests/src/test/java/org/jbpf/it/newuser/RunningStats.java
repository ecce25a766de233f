package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A local @Struct with min, max, count and sum updated by a method over values derived in a loop, with an early exit. */
@Bpf(license = "GPL")
public final class RunningStats {
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

    @org.jbpf.Struct
    public static final class Stats {
        public long min = Long.MAX_VALUE;
        public long max = Long.MIN_VALUE;
        public int count;
        public long sum;

        void add(long v) {
            if (v < min) min = v;
            if (v > max) max = v;
            count++;
            sum += v;
        }

        long mean() { return count == 0 ? 0 : sum / count; }
    }

    static long compute(long a, long b) {
        Stats s = new Stats();
        for (int i = 0; i < 12; i++) {
            long v = ((a >>> (i * 5)) & 31) - ((b >>> i) & 15);
            if (v == 17) break;
            s.add(v);
        }
        if (s.count == 0) return -1;
        return s.min * 1_000_000L + s.max * 1000 + s.mean() * 7 + s.count;
    }
}
