package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Constant indexes out of range behind tests that constants decide against them, as generated code and code with
 * folded configuration have: Java never runs those accesses, so the translator must not refuse them
 * ({@link DeadIndexesKernelTest}; found by data seed 81 program 37 of the deeper shapes).
 */
@Bpf(license = "GPL")
public final class DeadIndexes {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 1);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    static long compute(long a) {
        long[] w = new long[4];
        for (int i = 0; i < 4; i++) w[i] = a + i;
        int j = ((int) Short.reverseBytes((short) 0xffff)) & 7;   // 7, folded
        long r = 0;
        if (j < w.length) r += w[j];
        if (j >= 0 && j < 4) w[j] = 99;
        int k = 1 << 3;
        if (k == 8) r += w[k - 5];
        else r += w[k];
        return r * 100 + w[3];
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        if (a == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a));
        return XdpContext.XDP_PASS;
    }
}
