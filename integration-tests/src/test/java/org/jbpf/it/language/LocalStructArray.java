package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A local array of @Struct objects, filled and read with constant and variable indexes. */
@Bpf(license = "GPL")
public final class LocalStructArray {
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

    static long compute(long a, long b) {
        Slot[] slots = new Slot[4];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
            slots[i].key = a + i;
        }
        int k = (int) (b & 3);
        slots[k].hits += 5;
        slots[0].hits++;
        long r = 0;
        for (Slot s : slots) r = r * 7 + s.key + s.hits;
        return r;
    }
}
