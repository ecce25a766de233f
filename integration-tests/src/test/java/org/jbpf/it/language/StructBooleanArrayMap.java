package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A map whose value struct has a boolean[] field, which Java's map readers do not take. */
@Bpf(license = "GPL")
public final class StructBooleanArrayMap {
    @Struct
    public static final class Flags {
        @Size(8) public boolean[] on = new boolean[8];
    }

    public static final ArrayMap<Flags> flags = new ArrayMap<>(Flags.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Flags f = flags.lookup(0);
        if (f == null) return XdpContext.XDP_ABORTED;
        f.on[1] = true;
        return XdpContext.XDP_PASS;
    }
}
