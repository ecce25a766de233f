package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/**
 * Struct values looked up under one key, then the map written under another, then the struct and an array field read
 * through it (and written in place): as for numbers, the write leaves the element of the other key, in an array map
 * and in a hash map.
 */
@Bpf(license = "GPL")
public final class StructValuesUnderOtherKeys {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Stats> slots = new ArrayMap<>(Stats.class, 4);
    public static final HashMap<Integer, Stats> byKey = new HashMap<>(Integer.class, Stats.class, 8);

    @Struct
    public static final class Stats {
        public long count;
        public long sum;
        @Size(4) public long[] recent = new long[4];

        static Stats of(long count, long sum) {
            Stats s = new Stats();
            s.count = count;
            s.sum = sum;
            s.recent[(int) (sum & 3)] = count;
            return s;
        }
    }

    /** What each program leaves in {@code out}, as the JVM computes it. */
    static long expected(long a, long b) {
        Stats first = Stats.of(a, b), second = Stats.of(b, a);
        long before = second.sum;
        first.count++;
        Stats again = Stats.of(a ^ b, 7);
        return first.count * 3 + first.sum * 5 + first.recent[(int) (b & 3)] * 7 + before * 11 + again.recent[3] * 13;
    }

    @Section("xdp/array")
    static int array(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        slots.update(0, Stats.of(a, b));
        slots.update(1, Stats.of(b, a));
        Stats first = slots.lookup(0);
        Stats second = slots.lookup(1);
        if (first == null || second == null) return XdpContext.XDP_DROP;
        long before = second.sum;
        slots.update(1, Stats.of(a ^ b, 7));
        first.count++;
        Stats again = slots.lookup(1);
        if (again == null) return XdpContext.XDP_DROP;
        out.update(0, first.count * 3 + first.sum * 5 + first.recent[(int) (b & 3)] * 7 + before * 11 + again.recent[3] * 13);
        return XdpContext.XDP_PASS;
    }

    @Section("xdp/hash")
    static int hash(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        byKey.update(0, Stats.of(a, b));
        byKey.update(1, Stats.of(b, a));
        Stats first = byKey.lookup(0);
        Stats second = byKey.lookup(1);
        if (first == null || second == null) return XdpContext.XDP_DROP;
        long before = second.sum;
        byKey.update(1, Stats.of(a ^ b, 7));
        first.count++;
        Stats again = byKey.lookup(1);
        if (again == null) return XdpContext.XDP_DROP;
        out.update(1, first.count * 3 + first.sum * 5 + first.recent[(int) (b & 3)] * 7 + before * 11 + again.recent[3] * 13);
        return XdpContext.XDP_PASS;
    }
}
