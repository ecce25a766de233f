package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;

/** One struct's array field assigned another's: Java would share the array, the structs hold theirs in place. */
@Bpf(license = "GPL")
public final class StructArrayFieldShared {
    @Struct
    public static final class Slot {
        public long hits;
    }

    @Struct
    public static final class Table {
        @Size(2) public Slot[] slots;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Table a = new Table();
        Table b = new Table();
        b.slots = a.slots;
        a.slots[0].hits = 3;
        return (int) b.slots[0].hits;
    }
}
