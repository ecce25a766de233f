package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** continue to an outer loop's label from an inner loop, and a labelled block left with break. */
@Bpf(license = "GPL")
public final class LabelledContinue {
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

    static long compute(long a, long b) {
        long sum = 0;
        outer:
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                if (((a >>> (i * 8 + j)) & 1) == 0) continue outer;
                if (j == (b & 7)) continue outer;
                sum += i * 10 + j;
            }
            sum += 1000;
        }
        found:
        {
            if (a == b) break found;
            sum ^= 0x5555;
        }
        return sum;
    }
}
