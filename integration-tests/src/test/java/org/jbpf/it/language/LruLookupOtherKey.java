package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.LruHashMap;

/**
 * A value looked up in an LRU map, another key written, then the value used: the write may take the least recently
 * used element, whichever key holds it, so the value is not known to be Java's.
 */
@Bpf(license = "GPL")
public final class LruLookupOtherKey {
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);
    public static final LruHashMap<Integer, Long> recent = new LruHashMap<>(Integer.class, Long.class, 4);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long old = recent.lookup(0);
        if (old == null) return XdpContext.XDP_DROP;
        recent.update(1, 5L);
        out.update(0, old);
        return XdpContext.XDP_PASS;
    }
}
