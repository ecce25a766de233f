package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.net.Ipv4;

@Bpf(license = "GPL")
public final class PacketOffsetTooFar {
    @Section("xdp")
    static int reads(XdpContext ctx) {
        Ipv4 ip = ctx.header(65520, Ipv4.class);
        return ip == null ? XdpContext.XDP_PASS : XdpContext.XDP_DROP;
    }
}
