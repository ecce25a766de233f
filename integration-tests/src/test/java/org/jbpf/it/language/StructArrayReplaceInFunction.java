package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;

/** A BPF function replaces an element of a struct's array while its caller still refers to that element. */
@Bpf(license = "GPL")
public final class StructArrayReplaceInFunction {
    @Struct
    public static final class Slot {
        public long key;
    }

    @Struct
    public static final class Table {
        @Size(2) public Slot[] slots;
    }

    @NoInline
    static void reset(Table t) {
        t.slots[0] = new Slot();
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Table t = new Table();
        t.slots[0].key = 4;
        Slot old = t.slots[0];
        reset(t);
        return (int) old.key;
    }
}
