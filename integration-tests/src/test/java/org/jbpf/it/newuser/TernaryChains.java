package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Nested ternaries mixing int, long and char results, with casts, as a user buckets a value. */
@Bpf(license = "GPL")
public final class TernaryChains {
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

    static int bucket(long v) {
        return v < 0 ? -1 : v < 10 ? 0 : v < 100 ? 1 : v < 1000 ? 2 : v < 10_000 ? 3 : 4;
    }

    static long compute(long a, long b) {
        int x = bucket(a), y = bucket(b);
        char grade = x > y ? 'A' : x == y ? 'B' : 'C';
        long picked = (a & 1) == 0 ? (int) a : (b & 1) == 0 ? b : (short) (a ^ b);
        byte small = (byte) (x < 0 ? -x : x > 2 ? x * 40 : x);
        return grade * 1_000_000L + picked % 1_000_000 + small * 10 + (y + 1);
    }
}
