package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A static final table of records whose element is made with an argument computed when the class loads. */
@Bpf(license = "GPL")
public final class StructTableComputed {
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Struct
    public record Range(long low, long high) {}

    static final Range[] RANGES = {new Range(0, 10), new Range(10, Long.parseLong("100"))};

    @Section("xdp")
    static int run(XdpContext ctx) {
        out.update(0, RANGES[1].high());
        return XdpContext.XDP_PASS;
    }
}
