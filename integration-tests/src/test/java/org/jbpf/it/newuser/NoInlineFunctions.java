package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

import org.jbpf.NoInline;
/** @NoInline functions with several arguments, and a large helper called from several places. */
@Bpf(license = "GPL")
public final class NoInlineFunctions {
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

    @NoInline
    static long scale(long value, int numerator, int denominator, long bias, int clamp) {
        if (denominator == 0) return bias;
        long r = value * numerator / denominator + bias;
        return r > clamp ? clamp : r;
    }

    static long digest(long v, long k) {
        long h = v ^ k;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        h += k * 31 + (v & 0xff);
        return h;
    }

    static long compute(long a, long b) {
        long r = scale(a, 3, 7, b, 1 << 20) + scale(b, (int) a, (int) (b & 15), 5, 99);
        return r + digest(a, b) + digest(b, a) + digest(a + 1, 7);
    }
}
