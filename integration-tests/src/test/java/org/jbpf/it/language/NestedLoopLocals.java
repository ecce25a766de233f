package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Nested counted loops whose inner body reads and writes locals of the outer body and of the method. */
@Bpf(license = "GPL")
public final class NestedLoopLocals {
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
        long total = 0;
        int carry = (int) (b & 7);
        for (int i = 0; i < 6; i++) {
            long row = (a >>> (i * 8)) & 0xff;
            int hits = 0;
            for (int j = 0; j < 5; j++) {
                long cell = (row + j * carry) ^ (b >>> j);
                if ((cell & 3) == i % 4) hits++;
                else if (cell > 200) continue;
                total += cell * (j + 1) + hits;
            }
            carry = (carry + hits) & 15;
            total ^= (long) hits << i;
        }
        return total + carry;
    }
}
