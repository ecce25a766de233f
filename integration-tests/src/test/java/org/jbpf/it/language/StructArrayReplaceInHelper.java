package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;

/** A helper method replaces an element while its caller still refers to it: Java keeps the old object there too. */
@Bpf(license = "GPL")
public final class StructArrayReplaceInHelper {
    @Struct
    public static final class Slot {
        public long key;
    }

    static void reset(Slot[] slots, int i) {
        slots[i] = new Slot();
    }

    @Section("xdp")
    static int run(XdpContext ctx) {
        Slot[] slots = new Slot[2];
        slots[0] = new Slot();
        slots[0].key = 4;
        Slot old = slots[0];
        reset(slots, 0);
        return (int) old.key;
    }
}
