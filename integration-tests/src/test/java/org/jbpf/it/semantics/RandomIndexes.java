package org.jbpf.it.semantics;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Array indexes the random probes ({@link RandomProbesKernelTest}) found refused by the kernel: computed by operations
 * after which the verifier knows nothing of the register ({@link RandomFindingsKernelTest}).
 */
@Bpf(license = "GPL")
public final class RandomIndexes {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 2);

    /**
     * Indexes that are 32-bit remainders and shifts by a variable: the verifier forgets all 64 bits of those, so the
     * index's zero-extending move must reach the bounds check.
     */
    static long indexes(long a, long b) {
        long[] w = new long[4];
        int[] v = new int[6];
        for (int i = 0; i < w.length; i++) w[i] = a + i;
        for (int i = 0; i < v.length; i++) v[i] = (int) b * i;
        long r = JavaSemantics.get(w, Short.reverseBytes((short) ~b) % 6);
        r = r * 31 + JavaSemantics.get(v, (int) a % 18);
        r = r * 31 + JavaSemantics.get(v, 1 << (int) b);
        r = r * 31 + JavaSemantics.get(w, (int) b >>> (int) a);
        return r;
    }

    /** The same as {@link #indexes}, in the probe's own words. */
    static long indexesInKernel(long a, long b) {
        long[] w = new long[4];
        int[] v = new int[6];
        for (int i = 0; i < w.length; i++) w[i] = a + i;
        for (int i = 0; i < v.length; i++) v[i] = (int) b * i;
        long r = w[Short.reverseBytes((short) ~b) % 6];
        r = r * 31 + v[(int) a % 18];
        r = r * 31 + v[1 << (int) b];
        r = r * 31 + w[(int) b >>> (int) a];
        return r;
    }

    @Section("xdp/indexes")
    static int runIndexes(XdpContext ctx) {
        Long a = in.lookup(0), b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(1, indexesInKernel(a, b));
        return XdpContext.XDP_PASS;
    }
}
