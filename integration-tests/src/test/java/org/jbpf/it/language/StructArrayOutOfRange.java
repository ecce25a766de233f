package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Indexes of a local struct array out of range, where Java would throw: a store through such an element does nothing
 * visible and a read gives 0 (the spare element, zeroed at each such use), the rule of primitive arrays.
 */
@Bpf(license = "GPL")
public final class StructArrayOutOfRange {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Struct
    public static final class Slot {
        public int hits;
        public int spare;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        Slot[] slots = new Slot[3];
        for (int i = 0; i < slots.length; i++) slots[i] = new Slot();
        slots[(int) (long) a].hits = 7;
        Slot s = slots[(int) (long) b];
        long first = s.hits;
        s.hits = 9;
        long again = slots[(int) (long) b].hits;
        out.update(0, first * 10000 + again * 1000 + slots[0].hits * 100 + slots[1].hits * 10 + slots[2].hits);
        return XdpContext.XDP_PASS;
    }
}
