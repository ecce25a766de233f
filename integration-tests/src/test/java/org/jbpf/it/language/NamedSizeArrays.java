package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Local arrays sized by a static final constant, filled with Arrays.fill and read back by index and for-each. */
@Bpf(license = "GPL")
public final class NamedSizeArrays {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);


    static final int SIZE = 4;

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }


    static long compute(long a, long b) {
        long[] slots = new long[SIZE];
        java.util.Arrays.fill(slots, a & 0xff);
        java.util.Arrays.fill(slots, 1, 3, b);
        int[] marks = new int[SIZE * 2];
        for (int i = 0; i < marks.length; i++) marks[i] = i * i - (int) b;
        long r = 0;
        for (long s : slots) r = r * 7 + s;
        for (int m : marks) r ^= m;
        return r + slots[(int) (a & (SIZE - 1))] + marks.length;
    }
}
