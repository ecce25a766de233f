package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.HashMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv6;
import org.jbpf.net.Net;
import org.jbpf.net.Udp;

/** XDP: IPv6 UDP datagrams counted by destination port, those to a blocked port dropped, IPv6 from fe80::/10 counted apart. */
@Bpf(license = "GPL")
public final class Ipv6Ports {
    public static final HashMap<Integer, Long> byPort = new HashMap<>(Integer.class, Long.class, 256);
    public static final HashMap<Integer, Integer> blocked = new HashMap<>(Integer.class, Integer.class, 16);
    static long linkLocal;

    @Section("xdp")
    static int filter(XdpContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null || Net.ntohs(eth.etherType) != Net.ETH_P_IPV6) return XdpContext.XDP_PASS;
        Ipv6 ip = ctx.header(Ethernet.SIZE, Ipv6.class);
        if (ip == null) return XdpContext.XDP_PASS;
        if ((ip.source[0] & 0xff) == 0xfe && (ip.source[1] & 0xc0) == 0x80) linkLocal++;
        if (ip.nextHeader != Net.IPPROTO_UDP) return XdpContext.XDP_PASS;
        Udp udp = ctx.header(Ethernet.SIZE + Ipv6.SIZE, Udp.class);
        if (udp == null) return XdpContext.XDP_DROP;
        int port = Net.ntohs(udp.destinationPort);
        byPort.increment(port);
        return blocked.lookup(port) != null ? XdpContext.XDP_DROP : XdpContext.XDP_PASS;
    }
}
