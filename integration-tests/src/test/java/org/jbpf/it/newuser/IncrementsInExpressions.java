package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Pre- and post-increments inside expressions and array subscripts. */
@Bpf(license = "GPL")
public final class IncrementsInExpressions {
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
        int i = (int) (a & 3);
        int j = i++ + ++i;
        long[] slots = new long[8];
        int k = 0;
        slots[k++] = a;
        slots[k++] = b;
        slots[k++] = j;
        slots[--k] += 5;
        int n = (int) b;
        n -= i-- - --j;
        return slots[0] - slots[1] + slots[2] * 3 + n + i + j + k;
    }
}
