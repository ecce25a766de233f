package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** System.arraycopy within one array, forwards and backwards over overlapping ranges, and Arrays.copyOf longer and shorter. */
@Bpf(license = "GPL")
public final class OverlappingArrayCopy {
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
        long[] v = {a, b, a ^ b, a + b, a - b, 7};
        int[] w = {(int) a, (int) b, 3, 4, 5};
        System.arraycopy(v, 0, v, 1, 4);
        System.arraycopy(w, 1, w, 0, 4);
        System.arraycopy(v, 2, v, 2, 3);
        byte[] bytes = {(byte) a, (byte) b, 1, 2, 3, 4, 5, 6};
        System.arraycopy(bytes, 0, bytes, 3, 5);
        long[] longer = java.util.Arrays.copyOf(v, 8);
        int[] shorter = java.util.Arrays.copyOf(w, 2);
        long r = 0;
        for (long x : longer) r = r * 31 + x;
        for (int x : shorter) r = r * 31 + x;
        for (byte x : bytes) r = r * 31 + x;
        return r + longer.length + shorter.length;
    }
}
