package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** clone and Arrays.copyOf make new arrays: changing a copy leaves the original as Java does. */
@Bpf(license = "GPL")
public final class ArrayCopiesIndependent {
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
        long[] base = {a, b, a + b, a - b};
        long[] copy = base.clone();
        long[] longer = java.util.Arrays.copyOf(base, 6);
        copy[0]++;
        longer[5] = 9;
        base[1] = 0;
        int[] small = {(int) a, (int) b};
        int[] twin = small.clone();
        twin[1] ^= 0xff;
        return base[0] * 3 + base[1] + copy[0] * 7 + copy[1] + longer[1] + longer[4] + longer[5] + small[1] - twin[1];
    }
}
