package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.net.Net;
import org.jbpf.net.Udp;

@Bpf(license = "GPL")
public final class PacketUnchecked {
    @Section("xdp")
    static int reads(XdpContext ctx) {
        Udp udp = ctx.header(34, Udp.class);
        return Net.ntohs(udp.destinationPort) == 53 ? XdpContext.XDP_DROP : XdpContext.XDP_PASS;
    }
}
