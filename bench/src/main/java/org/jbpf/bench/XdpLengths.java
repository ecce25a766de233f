package org.jbpf.bench;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** Packets and their bytes counted in place; packets shorter than an Ethernet header dropped (code-size bench). */
@Bpf(license = "GPL")
public final class XdpLengths {
    public static final ArrayMap<Long> packets = new ArrayMap<>(Long.class, 2);

    @Section("xdp")
    static int count(XdpContext ctx) {
        int len = ctx.length();
        if (len < 14) return XdpContext.XDP_DROP;
        packets.increment(0);
        packets.add(1, len);
        return XdpContext.XDP_PASS;
    }
}
