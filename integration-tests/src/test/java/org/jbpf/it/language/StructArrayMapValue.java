package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.RingBuffer;

/**
 * A map value holding an array of structs next to a nested struct: each run counts input a in the slot a picks
 * (any index: out of range, the store does nothing), reads the slot b picks (out of range, 0), and sends a ring record
 * holding the first two slots.
 */
@Bpf(license = "GPL")
public final class StructArrayMapValue {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);
    public static final HashMap<Integer, Table> tables = new HashMap<>(Integer.class, Table.class, 4);
    public static final RingBuffer events = new RingBuffer(4096);

    @Struct
    public static final class Slot {
        public long sum;
        public int hits;
        public short last;
    }

    @Struct
    public static final class Totals {
        public long runs;
        public long missed;
    }

    @Struct
    public static final class Table {
        public int used;
        @Size(4) public Slot[] slots;
        public Totals totals;
    }

    @Struct
    public static final class Event {
        public int index;
        @Size(2) public Slot[] first;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        Table t = tables.lookup(0);
        if (t == null) return XdpContext.XDP_DROP;
        int i = (int) (long) a, j = (int) (long) b;
        t.totals.runs++;
        if (i < 0 || i >= 4) t.totals.missed++;
        t.slots[i].hits++;
        t.slots[i].sum += a;
        t.slots[i].last = (short) j;
        int used = 0;
        for (Slot s : t.slots) if (s.hits > 0) used++;
        t.used = used;
        out.update(0, t.slots[j].sum * 100 + t.slots[j].hits);
        Event e = events.reserve(Event.class);
        if (e == null) return XdpContext.XDP_DROP;
        e.index = i;
        e.first[0].sum = t.slots[0].sum;
        e.first[0].hits = t.slots[0].hits;
        e.first[1].sum = t.slots[1].sum;
        e.first[1].last = t.slots[1].last;
        events.submit(e);
        return XdpContext.XDP_PASS;
    }
}
