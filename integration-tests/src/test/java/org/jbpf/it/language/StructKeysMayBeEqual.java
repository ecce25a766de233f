package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/** A map written under a @Struct key whose fields may all equal those of the key of a value looked up before. */
@Bpf(license = "GPL")
public final class StructKeysMayBeEqual {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final HashMap<Key, Long> table = new HashMap<>(Key.class, Long.class, 16);

    @Struct
    public record Key(int kind, long id) {}

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        Long first = table.lookup(new Key(1, a & 7));
        if (first == null) return XdpContext.XDP_DROP;
        table.update(new Key(1, b & 7), first + 1);
        return first > 5 ? XdpContext.XDP_PASS : XdpContext.XDP_DROP;
    }
}
