package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.PerCpuArray;

/**
 * A value looked up under a key the program computes, then its map written under another key the program found
 * below or above it on the way (int and long locals, a local against a constant, on the edge a compare jumps and on
 * the one it falls through): the write leaves the value, in Java and in the kernel.
 */
@Bpf(license = "GPL")
public final class KeysComparedInOrder {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);
    public static final ArrayMap<Long> cells = new ArrayMap<>(Long.class, 8);
    public static final PerCpuArray<Long> slots = new PerCpuArray<>(Long.class, 8);
    public static final HashMap<Long, Long> table = new HashMap<>(Long.class, Long.class, 16);

    /** What the program leaves in {@code out}, as the JVM computes it. */
    static long expected(long a, long b) {
        int k = (int) (a & 7), j = (int) (b & 7);
        long[] cells = new long[8], slots = new long[8];
        cells[k] = a;
        cells[j] = b;
        long first = cells[k];
        long r = first;
        if (j < k) cells[j] = first + 1;
        r += first * 3;
        if (k > 5) cells[5] = 9;
        if (k < 2) cells[2] = 4;
        r += first * 5 + cells[5] + cells[2];
        slots[k] = a;
        slots[j] = b;
        long s = slots[k];
        if (k <= j) r += s;
        else {
            slots[j] = s * 2;
            r += s * 7;
        }
        long p = a & 15, q = b & 15;
        java.util.HashMap<Long, Long> table = new java.util.HashMap<>();
        table.put(p, a);
        table.put(q, b);
        long v = table.get(p);
        if (p >= q) r += v;
        else {
            table.put(q, b + 1);
            r += v * 11 + table.get(q) * 13;
        }
        return r;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        int k = (int) (a & 7), j = (int) (b & 7);
        for (int z = 0; z < 8; z++) cells.update(z, 0L);
        cells.update(k, a);
        cells.update(j, b);
        Long first = cells.lookup(k);
        if (first == null) return XdpContext.XDP_DROP;
        long r = first;
        if (j < k) cells.update(j, first + 1);
        r += first * 3;
        if (k > 5) cells.update(5, 9L);
        if (k < 2) cells.update(2, 4L);
        Long five = cells.lookup(5), two = cells.lookup(2);
        r += first * 5 + (five == null ? 0 : five) + (two == null ? 0 : two);
        slots.update(k, a);
        slots.update(j, b);
        Long s = slots.lookup(k);
        if (s == null) return XdpContext.XDP_DROP;
        if (k <= j) r += s;
        else {
            slots.update(j, s * 2);
            r += s * 7;
        }
        long p = a & 15, q = b & 15;
        table.update(p, a);
        table.update(q, b);
        Long v = table.lookup(p);
        if (v == null) return XdpContext.XDP_DROP;
        if (p >= q) r += v;
        else {
            table.update(q, b + 1);
            Long w = table.lookup(q);
            r += v * 11 + (w == null ? 0 : w) * 13;
        }
        table.delete(p);
        table.delete(q);
        out.update(0, r);
        return XdpContext.XDP_PASS;
    }
}
