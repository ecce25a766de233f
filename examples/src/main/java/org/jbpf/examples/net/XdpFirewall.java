package org.jbpf.examples.net;

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
 * An XDP firewall: counts the IPv4 UDP and TCP packets of each source address and drops those sent to a
 * destination port the application put into {@link #blockedPorts}, counting them per port in {@link #dropped}.
 * Everything else (ARP, IPv6, other protocols, packets too short to parse) passes untouched.
 */
@Bpf(license = "GPL")
public final class XdpFirewall {
    /** Source IPv4 address (as a number, 127.1.0.1 is 0x7f010001) to its UDP and TCP packets seen. */
    public static final HashMap<Integer, Long> packetsBySource = new HashMap<>(Integer.class, Long.class, 4096);
    /** Destination ports to drop (UDP and TCP); the value is unused. */
    public static final HashMap<Integer, Integer> blockedPorts = new HashMap<>(Integer.class, Integer.class, 256);
    /** Destination port to the packets dropped for it. */
    public static final HashMap<Integer, Long> dropped = new HashMap<>(Integer.class, Long.class, 256);

    @Section("xdp/firewall")
    static int filter(XdpContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null || Net.ntohs(eth.etherType) != Net.ETH_P_IP) return XdpContext.XDP_PASS;
        Ipv4 ip = ctx.header(Ethernet.SIZE, Ipv4.class);
        if (ip == null) return XdpContext.XDP_PASS;
        int transport = Ethernet.SIZE + (ip.versionIhl & 0x0f) * 4;
        int port;
        if (ip.protocol == Net.IPPROTO_UDP) {
            Udp udp = ctx.header(transport, Udp.class);
            if (udp == null) return XdpContext.XDP_PASS;
            port = Net.ntohs(udp.destinationPort);
        } else if (ip.protocol == Net.IPPROTO_TCP) {
            Tcp tcp = ctx.header(transport, Tcp.class);
            if (tcp == null) return XdpContext.XDP_PASS;
            port = Net.ntohs(tcp.destinationPort);
        } else {
            return XdpContext.XDP_PASS;
        }
        count(packetsBySource, Net.ntohl(ip.source));
        if (blockedPorts.lookup(port) == null) return XdpContext.XDP_PASS;
        count(dropped, port);
        return XdpContext.XDP_DROP;
    }

    private static void count(HashMap<Integer, Long> counters, int key) {
        Long n = counters.lookup(key);
        if (n != null) counters.update(key, n + 1);
        else counters.update(key, 1L);
    }
}
