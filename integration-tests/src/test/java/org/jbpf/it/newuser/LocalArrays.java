package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Local int and long arrays indexed by variables, filled and summed in loops. */
@Bpf(license = "GPL")
public final class LocalArrays {
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
        int[] digits = new int[16];
        long[] prefix = new long[8];
        long v = a;
        for (int i = 0; i < digits.length; i++) {
            digits[i] = (int) (v & 15);
            v >>>= 4;
        }
        for (int i = 0; i < prefix.length; i++) prefix[i] = (i == 0 ? 0 : prefix[i - 1]) + digits[i] * b;
        int k = (int) (b & 15);
        long r = digits[k] + prefix[k & 7];
        int idx = (int) (a & 0xff);
        if (idx < prefix.length) r += prefix[idx];
        return r;
    }
}
