package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;

/** A struct stored into a local struct array from a variable, which Java would share and the array would copy. */
@Bpf(license = "GPL")
public final class StructArrayFromVariable {
    @Struct
    public static final class Slot {
        public long key;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Slot[] slots = new Slot[2];
        Slot s = new Slot();
        slots[0] = s;
        s.key = 5;
        return (int) slots[0].key;
    }
}
