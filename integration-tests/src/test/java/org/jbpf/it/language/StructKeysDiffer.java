package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.PerCpuHashMap;

/**
 * Values looked up under @Struct keys, then their maps written under keys with a field holding another constant (a
 * record built from other constants, a struct whose field was set again): the writes leave the values, in Java and in
 * the kernel, for hash and per-CPU hash maps.
 */
@Bpf(license = "GPL")
public final class StructKeysDiffer {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);
    public static final HashMap<Key, Long> table = new HashMap<>(Key.class, Long.class, 16);
    public static final PerCpuHashMap<Slot, Long> slots = new PerCpuHashMap<>(Slot.class, Long.class, 16);

    @Struct
    public record Key(int kind, long id) {}

    @Struct
    public static final class Slot {
        public int cpu;
        public int kind;
    }

    /** What the program leaves in {@code out}, as the JVM computes it. */
    static long expected(long a, long b) {
        long first = a, second = first + 5;
        long r = first * 3 + second;
        long x = a ^ b;
        r += x * 11 + b * 13;
        return r;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        long id = a & 7;
        table.update(new Key(1, id), a);
        table.update(new Key(2, id), b);
        Long first = table.lookup(new Key(1, id));
        if (first == null) return XdpContext.XDP_DROP;
        table.update(new Key(2, id), first + 5);
        Long second = table.lookup(new Key(2, id));
        long r = first * 3 + (second == null ? 0 : second);
        Slot s = new Slot();
        s.cpu = (int) (b & 3);
        s.kind = 7;
        slots.update(s, a ^ b);
        Long x = slots.lookup(s);
        if (x == null) return XdpContext.XDP_DROP;
        s.kind = 8;
        slots.update(s, b);
        Long y = slots.lookup(s);
        r += x * 11 + (y == null ? 0 : y) * 13;
        table.delete(new Key(1, id));
        table.delete(new Key(2, id));
        slots.delete(s);
        s.kind = 7;
        slots.delete(s);
        out.update(0, r);
        return XdpContext.XDP_PASS;
    }
}
