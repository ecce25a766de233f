package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.CpuMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;
import org.jbpf.net.Udp;

/**
 * Spreads UDP over IPv4 across CPUs by source port: the CPU is the port's lowest bit, redirected through a CpuMap
 * whose slots Java fills; a packet whose slot is empty, and every other packet, goes on (XDP_PASS).
 */
@Bpf(license = "GPL")
public final class CpuSpread {
    public static final CpuMap cpus = new CpuMap(2);

    @Section("xdp/spread")
    static int spread(XdpContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null || Net.ntohs(eth.etherType) != Net.ETH_P_IP) return XdpContext.XDP_PASS;
        Ipv4 ip = ctx.header(Ethernet.SIZE, Ipv4.class);
        if (ip == null || ip.protocol != Net.IPPROTO_UDP) return XdpContext.XDP_PASS;
        Udp udp = ctx.header(Ethernet.SIZE + (ip.versionIhl & 0x0f) * 4, Udp.class);
        if (udp == null) return XdpContext.XDP_PASS;
        return cpus.redirect(Net.ntohs(udp.sourcePort) & 1, XdpContext.XDP_PASS);
    }
}
