package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.HashMap;

/** A map whose value type is an array of structs, which carries no length in its type. */
@Bpf(license = "GPL")
public final class ArrayAsMapValue {
    @Struct
    public static final class Slot {
        public long hits;
    }

    public static final HashMap<Integer, Slot[]> slots = new HashMap<>(Integer.class, Slot[].class, 16);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Slot[] s = slots.lookup(0);
        if (s != null) s[0].hits++;
        return XdpContext.XDP_PASS;
    }
}
