package org.jbpf.it.tools;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.HashMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;
import org.jbpf.net.Tcp;
import org.jbpf.net.Udp;

/**
 * An XDP packet counter with a port drop list: every frame counted by IP protocol (frames of other ether types by
 * 0x10000 plus their type), TCP connection requests (SYN without ACK) apart, and UDP or TCP packets to a port in
 * {@link #dropPorts} dropped and counted per port.
 */
@Bpf(license = "GPL")
public final class PacketProtocols {
    static final int TCP_SYN = 0x02, TCP_ACK = 0x10;

    public static final HashMap<Integer, Long> byProtocol = new HashMap<>(Integer.class, Long.class, 256);
    public static final HashMap<Integer, Integer> dropPorts = new HashMap<>(Integer.class, Integer.class, 64);
    public static final HashMap<Integer, Long> droppedByPort = new HashMap<>(Integer.class, Long.class, 64);
    static long tcpSyns;

    @Section("xdp/protocols")
    static int count(XdpContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null) return XdpContext.XDP_PASS;
        int type = Net.ntohs(eth.etherType);
        if (type != Net.ETH_P_IP) {
            byProtocol.increment(0x10000 | type);
            return XdpContext.XDP_PASS;
        }
        Ipv4 ip = ctx.header(Ethernet.SIZE, Ipv4.class);
        if (ip == null) return XdpContext.XDP_PASS;
        byProtocol.increment(ip.protocol & 0xff);
        int transport = Ethernet.SIZE + (ip.versionIhl & 0x0f) * 4;
        int port;
        if (ip.protocol == Net.IPPROTO_UDP) {
            Udp udp = ctx.header(transport, Udp.class);
            if (udp == null) return XdpContext.XDP_PASS;
            port = Net.ntohs(udp.destinationPort);
        } else if (ip.protocol == Net.IPPROTO_TCP) {
            Tcp tcp = ctx.header(transport, Tcp.class);
            if (tcp == null) return XdpContext.XDP_PASS;
            if ((tcp.flags & (TCP_SYN | TCP_ACK)) == TCP_SYN) tcpSyns++;
            port = Net.ntohs(tcp.destinationPort);
        } else {
            return XdpContext.XDP_PASS;
        }
        if (dropPorts.lookup(port) == null) return XdpContext.XDP_PASS;
        droppedByPort.increment(port);
        return XdpContext.XDP_DROP;
    }
}
