package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * A loop that passes {@code Math.abs} and {@code Long.numberOfTrailingZeros} of locals it never changes to a
 * {@code @NoInline} function, then a second loop of tests on the sum. Tests inside those calls, made on copies the
 * kernel linked to the locals, narrowed the locals' ranges; the next round found the same tests decided and marked the
 * locals precise, so the rounds' paths never met again and every one of them went through the rest of the program
 * (113,000 instructions processed on the direct backend; the random probes updating looked-up values, seed 202
 * program 6, past the kernel's million). Both are now computed on values of their own.
 */
@Bpf(license = "GPL")
public final class AbsAndZerosInLoop {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @NoInline
    static long mix(long p, int q, long r) {
        long x = p * 7 + q;
        if ((q & 1) != 0) x ^= Long.numberOfTrailingZeros(r);
        return x + r * 3;
    }

    static long compute(long a, long b) {
        int y = (int) (a >>> 32);
        long z = a * 3, w = b;
        long sum = 0;
        for (int i = 0; i < 4; i++) sum += mix(Long.numberOfTrailingZeros(w), Math.abs(y), Math.abs(z));
        for (int k = 0; k < 16; k++) {
            sum = sum * 31 + k;
            if (((sum >>> k) & 1) != 0) sum ^= k;
        }
        return sum * 31 + y + z + w;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }
}
