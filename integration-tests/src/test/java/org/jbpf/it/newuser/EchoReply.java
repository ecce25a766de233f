package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Icmp;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;

/**
 * XDP: answers ICMP echo requests itself: swaps the MAC and IPv4 addresses in place, makes the message an echo reply,
 * adjusts its checksum by the one changed word (RFC 1624) and sends the frame back (XDP_TX).
 */
@Bpf(license = "GPL")
public final class EchoReply {
    static long answered;

    @Section("xdp")
    static int answer(XdpContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null || Net.ntohs(eth.etherType) != Net.ETH_P_IP) return XdpContext.XDP_PASS;
        Ipv4 ip = ctx.header(Ethernet.SIZE, Ipv4.class);
        if (ip == null || ip.protocol != Net.IPPROTO_ICMP || (ip.versionIhl & 0x0f) != 5) return XdpContext.XDP_PASS;
        Icmp icmp = ctx.header(Ethernet.SIZE + Ipv4.SIZE, Icmp.class);
        if (icmp == null || icmp.type != 8 || icmp.code != 0) return XdpContext.XDP_PASS;
        for (int i = 0; i < 6; i++) {
            byte t = eth.destination[i];
            eth.destination[i] = eth.source[i];
            eth.source[i] = t;
        }
        int source = ip.source;
        ip.source = ip.destination;
        ip.destination = source;
        icmp.type = 0;
        // the first word went from 0x0800 to 0x0000: HC' = ~(~HC + ~m + m') in one's complement
        int sum = (~Net.ntohs(icmp.checksum) & 0xffff) + (~0x0800 & 0xffff);
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        icmp.checksum = Net.htons(~sum & 0xffff);
        answered++;
        return XdpContext.XDP_TX;
    }
}
