package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/** A raw constructor whose key class disagrees with the field's generic type: Java would read Long keys as Integers. */
@Bpf(license = "GPL")
public final class MapKeyClassMismatch {
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static final HashMap<Integer, Long> counts = new HashMap(Long.class, Long.class, 64);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        counts.increment(7);
        return XdpContext.XDP_PASS;
    }
}
