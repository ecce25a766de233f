package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.PerCpuArray;
import org.jbpf.maps.PerCpuHashMap;

/**
 * A value looked up under one key, then the map written under other keys, then the value used: Java's box keeps its
 * number, and so does the kernel's element, since an array map writes each key's element in place and a hash map
 * gives a written key a free element, never one another key holds. One program per map kind: each sets keys 0 to 3,
 * looks up 0 and 1, writes 1, 2 and 3 (a hash map also deletes 3 and inserts it again, reusing that freed element),
 * then combines the value of key 0 with what it read.
 */
@Bpf(license = "GPL")
public final class LookupsUnderOtherKeys {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 4);
    public static final ArrayMap<Long> cells = new ArrayMap<>(Long.class, 4);
    public static final HashMap<Integer, Long> table = new HashMap<>(Integer.class, Long.class, 8);
    public static final PerCpuArray<Long> perCpuCells = new PerCpuArray<>(Long.class, 4);
    public static final PerCpuHashMap<Integer, Long> perCpuTable = new PerCpuHashMap<>(Integer.class, Long.class, 8);

    /** What each program leaves in {@code out}, as the JVM computes it with boxes that keep their numbers. */
    static long expected(long a, long b) {
        Long first = a, second = b;
        long before = second;
        Long again = first + 7;
        Long third = 1L;
        return first * 5 + before * 3 + again * 11 + third * 13 + b;
    }

    @Section("xdp/array")
    static int array(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        cells.update(0, a);
        cells.update(1, b);
        cells.update(2, 0L);
        cells.update(3, 0L);
        Long first = cells.lookup(0);
        Long second = cells.lookup(1);
        if (first == null || second == null) return XdpContext.XDP_DROP;
        long before = second;
        cells.update(1, first + 7);
        cells.increment(2);
        cells.add(3, b);
        Long again = cells.lookup(1);
        Long third = cells.lookup(2);
        Long fourth = cells.lookup(3);
        if (again == null || third == null || fourth == null) return XdpContext.XDP_DROP;
        out.update(0, first * 5 + before * 3 + again * 11 + third * 13 + fourth);
        return XdpContext.XDP_PASS;
    }

    @Section("xdp/hash")
    static int hash(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        table.update(0, a);
        table.update(1, b);
        table.delete(2);
        table.update(3, 0L);
        Long first = table.lookup(0);
        Long second = table.lookup(1);
        if (first == null || second == null) return XdpContext.XDP_DROP;
        long before = second;
        table.update(1, first + 7);   // a new element for key 1; the old one is freed
        table.increment(2);           // key 2 is inserted, maybe into key 1's old element
        table.delete(3);
        table.update(3, b);           // into a freed element, maybe key 3's own
        Long again = table.lookup(1);
        Long third = table.lookup(2);
        Long fourth = table.lookup(3);
        if (again == null || third == null || fourth == null) return XdpContext.XDP_DROP;
        out.update(1, first * 5 + before * 3 + again * 11 + third * 13 + fourth);
        return XdpContext.XDP_PASS;
    }

    @Section("xdp/percpu_array")
    static int perCpuArray(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        perCpuCells.update(0, a);
        perCpuCells.update(1, b);
        perCpuCells.update(2, 0L);
        perCpuCells.update(3, 0L);
        Long first = perCpuCells.lookup(0);
        Long second = perCpuCells.lookup(1);
        if (first == null || second == null) return XdpContext.XDP_DROP;
        long before = second;
        perCpuCells.update(1, first + 7);
        perCpuCells.increment(2);
        perCpuCells.add(3, b);
        Long again = perCpuCells.lookup(1);
        Long third = perCpuCells.lookup(2);
        Long fourth = perCpuCells.lookup(3);
        if (again == null || third == null || fourth == null) return XdpContext.XDP_DROP;
        out.update(2, first * 5 + before * 3 + again * 11 + third * 13 + fourth);
        return XdpContext.XDP_PASS;
    }

    @Section("xdp/percpu_hash")
    static int perCpuHash(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        perCpuTable.update(0, a);
        perCpuTable.update(1, b);
        perCpuTable.delete(2);
        perCpuTable.update(3, 0L);
        Long first = perCpuTable.lookup(0);
        Long second = perCpuTable.lookup(1);
        if (first == null || second == null) return XdpContext.XDP_DROP;
        long before = second;
        perCpuTable.update(1, first + 7);
        perCpuTable.increment(2);
        perCpuTable.delete(3);
        perCpuTable.update(3, b);
        Long again = perCpuTable.lookup(1);
        Long third = perCpuTable.lookup(2);
        Long fourth = perCpuTable.lookup(3);
        if (again == null || third == null || fourth == null) return XdpContext.XDP_DROP;
        out.update(3, first * 5 + before * 3 + again * 11 + third * 13 + fourth);
        return XdpContext.XDP_PASS;
    }
}
