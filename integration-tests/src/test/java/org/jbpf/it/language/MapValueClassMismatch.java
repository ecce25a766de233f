package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** An array map built with int values where the field declares Long ones: Java would read 8 bytes of a 4-byte value. */
@Bpf(license = "GPL")
public final class MapValueClassMismatch {
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static final ArrayMap<Long> totals = new ArrayMap(int.class, 4);

    @Section("xdp")
    static int run(XdpContext ctx) {
        totals.update(0, 1L);
        return XdpContext.XDP_PASS;
    }
}
