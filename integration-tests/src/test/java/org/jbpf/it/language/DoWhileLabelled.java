package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Labelled continue and break out of a do/while nested in a for loop, and continue inside a do/while, whose condition still runs. */
@Bpf(license = "GPL")
public final class DoWhileLabelled {
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
        int k = 0;
        outer:
        for (int i = 0; i < 6; i++) {
            int j = 0;
            do {
                j++;
                if (((a >> (i + j)) & 1) == 0) continue;           // to the condition of the do/while
                if (((b >> j) & 3) == 3) continue outer;
                if (j + i > 7) break outer;
                sum += i * 10 + j;
            } while (j < 4);
            k++;
        }
        int m = 0;
        do {
            m++;
            if (m % 3 == 0) continue;
            sum += m;
        } while (m < (int) (b & 7));
        return sum * 100 + k * 10 + m;
    }
}
