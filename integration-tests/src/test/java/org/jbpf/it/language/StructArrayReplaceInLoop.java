package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Loops;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;

/** A Loops.repeat body replaces the elements of its state's array while the program still refers to one of them. */
@Bpf(license = "GPL")
public final class StructArrayReplaceInLoop {
    @Struct
    public static final class Slot {
        public long key;
    }

    @Struct
    public static final class Table {
        @Size(2) public Slot[] slots;
    }

    static long clear(int index, Table t) {
        t.slots[index & 1] = new Slot();
        return 0;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Table t = new Table();
        t.slots[0].key = 4;
        Slot old = t.slots[0];
        Loops.repeat(2, StructArrayReplaceInLoop::clear, t);
        return (int) old.key;
    }
}
