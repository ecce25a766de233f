package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A local @Struct holding a @Size(4) array of @Struct elements: constant and variable indexes, an element replaced, for-each. */
@Bpf(license = "GPL")
public final class StructArrayField {
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

    @Struct
    public static final class Slot {
        public long key;
        public int hits;
    }

    @Struct
    public static final class Table {
        @Size(4) public Slot[] slots = new Slot[4];
        public int used;

        public Table() {
            for (int i = 0; i < slots.length; i++) slots[i] = new Slot();
        }
    }

    static long compute(long a, long b) {
        Table t = new Table();
        for (int i = 0; i < 4; i++) {
            t.slots[i].key = a ^ i;
            t.used++;
        }
        int k = (int) (b & 3);
        t.slots[k].hits += 3;
        t.slots[(int) (a & 3)].hits += 1000;
        t.slots[2] = new Slot();
        long sum = 0;
        for (Slot s : t.slots) sum = sum * 31 + s.key + s.hits;
        return t.slots[k].key + t.slots[1].hits * 10L + t.used + sum;
    }
}
