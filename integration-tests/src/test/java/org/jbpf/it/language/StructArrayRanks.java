package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.Struct;

/** A local array of structs filled, sorted by one field with nested loops, and searched for the first element over a bound. */
@Bpf(license = "GPL")
public final class StructArrayRanks {
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
    public static final class Item {
        public long key;
        public int rank;
        public short tag;
    }

    static long compute(long a, long b) {
        Item[] items = new Item[5];
        for (int i = 0; i < 5; i++) {
            items[i] = new Item();
            items[i].key = (a >>> (i * 11)) & 0x3ff;
            items[i].rank = i;
            items[i].tag = (short) (b >> i);
        }
        for (int i = 0; i < 5; i++)
            for (int j = 0; j + 1 < 5 - i; j++)
                if (items[j].key > items[j + 1].key) {
                    long k = items[j].key;
                    int r = items[j].rank;
                    short t = items[j].tag;
                    items[j].key = items[j + 1].key;
                    items[j].rank = items[j + 1].rank;
                    items[j].tag = items[j + 1].tag;
                    items[j + 1].key = k;
                    items[j + 1].rank = r;
                    items[j + 1].tag = t;
                }
        long bound = b & 0x3ff;
        int found = -1;
        for (int i = 0; i < 5; i++) if (items[i].key > bound) { found = i; break; }
        long r = found;
        for (Item it : items) r = r * 7 + it.rank + it.tag + it.key;
        return r;
    }
}
