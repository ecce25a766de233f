package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.HashMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;
import org.jbpf.net.Udp;

/** XDP on a real interface: UDP datagrams counted by destination port and payload bytes, the configured port dropped. */
@Bpf(license = "GPL")
public final class VethPortDrop {
    @Constant static int droppedPort;
    public static final HashMap<Integer, Long> datagrams = new HashMap<>(Integer.class, Long.class, 64);
    public static final HashMap<Integer, Long> payloadBytes = new HashMap<>(Integer.class, Long.class, 64);

    @Section("xdp")
    static int filter(XdpContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null || Net.ntohs(eth.etherType) != Net.ETH_P_IP) return XdpContext.XDP_PASS;
        Ipv4 ip = ctx.header(Ethernet.SIZE, Ipv4.class);
        if (ip == null || ip.protocol != Net.IPPROTO_UDP) return XdpContext.XDP_PASS;
        Udp udp = ctx.header(Ethernet.SIZE + (ip.versionIhl & 0x0f) * 4, Udp.class);
        if (udp == null) return XdpContext.XDP_PASS;
        int port = Net.ntohs(udp.destinationPort);
        datagrams.increment(port);
        payloadBytes.add(port, Net.ntohs(udp.length) - Udp.SIZE);
        return port == droppedPort ? XdpContext.XDP_DROP : XdpContext.XDP_PASS;
    }
}
