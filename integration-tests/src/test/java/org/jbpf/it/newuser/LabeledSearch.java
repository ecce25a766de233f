package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A nested search with labeled continue and labeled break over two local arrays, as a user looks for the first common value. */
@Bpf(license = "GPL")
public final class LabeledSearch {
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
        int[] left = new int[6], right = new int[6];
        for (int i = 0; i < 6; i++) {
            left[i] = (int) ((a >>> (i * 5)) & 31);
            right[i] = (int) ((b >>> (i * 5)) & 31);
        }
        int found = -1, skipped = 0;
        outer:
        for (int i = 0; i < 6; i++) {
            if (left[i] == 0) {
                skipped++;
                continue outer;
            }
            for (int j = 0; j < 6; j++) {
                if (right[j] == 0) continue outer;
                if (left[i] == right[j]) {
                    found = i * 10 + j;
                    break outer;
                }
            }
        }
        return found * 100L + skipped;
    }
}
