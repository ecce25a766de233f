package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A local array of @Struct elements used as Java code uses one: checked variable indexes, an element handed to a helper and to the element's own method, an element replaced and changed through an alias, keys swapped, and searched with for-each and break. */
@Bpf(license = "GPL")
public final class StructArrayIndexes {
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
    public static final class Entry {
        public long key;
        public int count;
        public short tag;

        void bump(int by) {
            count += by;
            tag++;
        }
    }

    static long weigh(Entry e) {
        return e.key * 3 + e.count - e.tag;
    }

    static long compute(long a, long b) {
        Entry[] table = new Entry[5];
        for (int i = 0; i < table.length; i++) {
            table[i] = new Entry();
            table[i].key = (a >>> (i * 8)) & 0xff;
        }
        table[2] = new Entry();
        table[2].key = b & 0xff;
        table[2].count = 100;
        Entry alias = table[2];
        alias.count -= 1;                        // the element itself, as in Java
        int k = (int) (b & 7);
        if (k < table.length) table[k].bump(7);
        int j = (int) Long.remainderUnsigned(a, 5);
        table[j].bump(1);
        long tmp = table[0].key;
        table[0].key = table[4].key;
        table[4].key = tmp;
        Entry pick = a > b ? table[1] : table[3];
        pick.count += 11;
        long found = -1;
        for (Entry e : table) {
            if (e.key == (b & 0xff)) {
                found = e.count;
                break;
            }
        }
        long sum = 0;
        for (int i = 0; i < table.length; i++) sum = sum * 31 + weigh(table[i]);
        return sum + found * 1000 + table[2].count;
    }
}
