package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A field of an element of a static final table of structs assigned by a program. */
@Bpf(license = "GPL")
public final class StructTableWrite {
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Struct
    public static final class Slot {
        public long count;

        public Slot(long count) { this.count = count; }
    }

    static final Slot[] SLOTS = {new Slot(1), new Slot(2)};

    @Section("xdp")
    static int run(XdpContext ctx) {
        SLOTS[0].count++;
        out.update(0, SLOTS[0].count);
        return XdpContext.XDP_PASS;
    }
}
