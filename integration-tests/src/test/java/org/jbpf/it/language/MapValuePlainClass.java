package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A map whose value class is a plain class: it must be a @Struct for its fields to lay out the map's values. */
@Bpf(license = "GPL")
public final class MapValuePlainClass {
    public static final class Sample {
        public long count;
        public long last;
    }

    public static final ArrayMap<Sample> samples = new ArrayMap<>(Sample.class, 4);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Sample s = samples.lookup(0);
        if (s == null) return XdpContext.XDP_ABORTED;
        s.count++;
        return XdpContext.XDP_PASS;
    }
}
