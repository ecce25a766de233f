package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/**
 * A value looked up under a key the program computes, then its map written under another key that the program
 * compared with it as unequal on the way (a local against a local, an int or a long, or against a constant): the
 * write leaves the value, in Java and in the kernel.
 */
@Bpf(license = "GPL")
public final class KeysComparedUnequal {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);
    public static final ArrayMap<Long> cells = new ArrayMap<>(Long.class, 4);
    public static final HashMap<Long, Long> table = new HashMap<>(Long.class, Long.class, 16);

    /** What the program leaves in {@code out}, as the JVM computes it. */
    static long expected(long a, long b) {
        int k = (int) (a & 3), j = (int) (b & 3);
        long first = j == k ? b : a;
        long r = first;
        if (j != k) r += first * 3;
        if (k != 2) r += first * 5;
        long p = a & 7, q = b & 7;
        long v = p == q ? b : a;
        if (p != q) r += v * 7 + (b + 1) * 11;
        return r;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        int k = (int) (a & 3), j = (int) (b & 3);
        cells.update(k, a);
        cells.update(j, b);
        Long first = cells.lookup(k);
        if (first == null) return XdpContext.XDP_DROP;
        long r = first;
        if (j != k) {
            cells.update(j, first + 1);
            r += first * 3;
        }
        if (k != 2) {
            cells.increment(2);
            r += first * 5;
        }
        long p = a & 7, q = b & 7;
        table.update(p, a);
        table.update(q, b);
        Long v = table.lookup(p);
        if (v == null) return XdpContext.XDP_DROP;
        if (p != q) {
            table.update(q, b + 1);
            Long w = table.lookup(q);
            r += v * 7 + (w == null ? 0 : w * 11);
        }
        table.delete(p);
        table.delete(q);
        out.update(0, r);
        return XdpContext.XDP_PASS;
    }
}
