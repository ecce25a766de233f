package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** System.nanoTime() in a program: the kernel's monotonic clock, the one HotSpot's nanoTime reads on Linux. */
@Bpf(license = "GPL")
public final class ClockReading {
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        out.update(0, System.nanoTime());
        return XdpContext.XDP_PASS;
    }
}
