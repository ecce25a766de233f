package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/**
 * A value looked up in a hash map, its key deleted, another key inserted, then the value used: the insert may take the
 * element the delete freed, so the value would be the new key's.
 */
@Bpf(license = "GPL")
public final class LookupDeleteInsert {
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);
    public static final HashMap<Integer, Long> starts = new HashMap<>(Integer.class, Long.class, 16);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long begin = starts.lookup(7);
        if (begin == null) return XdpContext.XDP_DROP;
        starts.delete(7);
        starts.update(8, 1L);
        out.update(0, begin);
        return XdpContext.XDP_PASS;
    }
}
