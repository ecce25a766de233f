package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Records with a struct and an array component, read from a map and compared with equals. */
@Bpf(license = "GPL")
public final class RecordEqualsParts {
    @Struct
    public record Where(int cpu, short node) {}

    @Struct
    public record Sample(long pid, Where where, @Size(4) long[] ids) {}

    public static final ArrayMap<Sample> samples = new ArrayMap<>(Sample.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Sample a = samples.lookup(0);
        Sample b = samples.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, a.equals(b) ? 1L : 0L);
        return XdpContext.XDP_PASS;
    }
}
