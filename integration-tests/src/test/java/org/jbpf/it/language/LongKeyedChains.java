package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A long-keyed choice written as an if chain over large and negative constants, and a switch over a long's narrowed bits. */
@Bpf(license = "GPL")
public final class LongKeyedChains {
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

    static long classify(long v) {
        if (v == 0) return 1;
        else if (v == -1) return 2;
        else if (v == Long.MIN_VALUE) return 3;
        else if (v == 0x6a62_0000_0000L) return 4;
        else if (v == 1L << 32) return 5;
        else if (v == 0xffffffffL) return 6;
        else if (v > 1L << 40) return 7;
        else if (v < -100) return 8;
        return 9;
    }

    static long compute(long a, long b) {
        long r = classify(a) * 10 + classify(b);
        switch ((int) (a >>> 60)) {
            case 0: r += 100; break;
            case 7: r += 200; break;
            case 8: r += 300; break;
            case 15: r += 400; break;
            default: r += 500;
        }
        return r;
    }
}
