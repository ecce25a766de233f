package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;

/** An element replaced while a variable still refers to it: Java keeps the old object, the array reuses its place. */
@Bpf(license = "GPL")
public final class StructArrayReplaceHeld {
    @Struct
    public static final class Slot {
        public long key;
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Slot[] slots = new Slot[2];
        slots[0] = new Slot();
        slots[0].key = 4;
        Slot old = slots[0];
        slots[0] = new Slot();
        return (int) old.key;
    }
}
