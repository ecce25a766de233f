package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;
import org.jbpf.net.Udp;

/**
 * Reads a UDP datagram's ports through copies ({@code ctx.load}, bpf_xdp_load_bytes) at an offset computed from the
 * IPv4 header length, with no bound test of its own; the copy stays readable after the packet's head moves. Slot 0
 * holds the destination port, 1 the source port read after {@code adjustHead}, 2 whether a copy one byte past the
 * end came back null. A frame too short for the UDP header is dropped.
 */
@Bpf(license = "GPL")
public final class XdpCopies {
    public static final ArrayMap<Long> seen = new ArrayMap<>(Long.class, 3);

    @Section("xdp/copies")
    static int copies(XdpContext ctx) {
        Ipv4 ip = ctx.load(Ethernet.SIZE, Ipv4.class);
        if (ip == null) return XdpContext.XDP_ABORTED;
        Udp udp = ctx.load(Ethernet.SIZE + (ip.versionIhl & 0x0f) * 4, Udp.class);
        if (udp == null) return XdpContext.XDP_DROP;
        seen.update(0, (long) Net.ntohs(udp.destinationPort));
        if (ctx.adjustHead(Ethernet.SIZE) != 0) return XdpContext.XDP_ABORTED;
        seen.update(1, (long) Net.ntohs(udp.sourcePort));
        Ethernet past = ctx.load(ctx.length() - Ethernet.SIZE + 1, Ethernet.class);
        seen.update(2, past == null ? 1L : 0L);
        return XdpContext.XDP_PASS;
    }
}
