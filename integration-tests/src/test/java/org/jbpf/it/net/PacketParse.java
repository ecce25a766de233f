package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Icmp;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Ipv6;
import org.jbpf.net.Net;
import org.jbpf.net.Tcp;
import org.jbpf.net.Udp;
import org.jbpf.net.Vlan;

/**
 * Parses a packet the way a firewall would (Ethernet, one VLAN tag, IPv4 or IPv6, then UDP, TCP or ICMP) and writes
 * what it read into {@link #out}, slot by slot ({@link Slot}). A header that does not fit in the packet writes
 * {@link #TRUNCATED} into its slot and stops there.
 */
@Bpf(license = "GPL")
public final class PacketParse {
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 16);

    /** Written where a header was cut short. */
    public static final long TRUNCATED = -2;

    /** What each slot of {@link #out} holds. */
    public static final int LENGTH = 0, ETHER_TYPE = 1, VLAN_ID = 2, PROTOCOL = 3, SOURCE = 4, DESTINATION = 5,
            SOURCE_PORT = 6, DESTINATION_PORT = 7, L4_DETAIL = 8, SLOTS = 9;

    private static void put(int slot, long value) { out.update(slot, value); }

    @Section("xdp/parse")
    static int parse(XdpContext ctx) {
        put(LENGTH, ctx.length());
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null) {
            put(ETHER_TYPE, TRUNCATED);
            return XdpContext.XDP_PASS;
        }
        int type = Net.ntohs(eth.etherType);
        int offset = Ethernet.SIZE;
        if (type == Net.ETH_P_8021Q) {
            Vlan tag = ctx.header(offset, Vlan.class);
            if (tag == null) {
                put(VLAN_ID, TRUNCATED);
                return XdpContext.XDP_PASS;
            }
            put(VLAN_ID, Net.ntohs(tag.tci) & 0x0fff);
            type = Net.ntohs(tag.etherType);
            offset += Vlan.SIZE;
        }
        put(ETHER_TYPE, type);
        int protocol;
        int l4;
        if (type == Net.ETH_P_IP) {
            Ipv4 ip = ctx.header(offset, Ipv4.class);
            if (ip == null) {
                put(PROTOCOL, TRUNCATED);
                return XdpContext.XDP_PASS;
            }
            protocol = ip.protocol & 0xff;
            put(SOURCE, Net.ntohl(ip.source));
            put(DESTINATION, Net.ntohl(ip.destination));
            l4 = offset + (ip.versionIhl & 0x0f) * 4;
        } else if (type == Net.ETH_P_IPV6) {
            Ipv6 ip6 = ctx.header(offset, Ipv6.class);
            if (ip6 == null) {
                put(PROTOCOL, TRUNCATED);
                return XdpContext.XDP_PASS;
            }
            protocol = ip6.nextHeader & 0xff;
            put(SOURCE, ip6.source[15] & 0xff);
            put(DESTINATION, ip6.destination[0] & 0xff);
            l4 = offset + Ipv6.SIZE;
        } else {
            return XdpContext.XDP_PASS;
        }
        put(PROTOCOL, protocol);
        if (protocol == Net.IPPROTO_UDP) {
            Udp udp = ctx.header(l4, Udp.class);
            if (udp == null) {
                put(SOURCE_PORT, TRUNCATED);
                return XdpContext.XDP_PASS;
            }
            put(SOURCE_PORT, Net.ntohs(udp.sourcePort));
            put(DESTINATION_PORT, Net.ntohs(udp.destinationPort));
        } else if (protocol == Net.IPPROTO_TCP) {
            Tcp tcp = ctx.header(l4, Tcp.class);
            if (tcp == null) {
                put(SOURCE_PORT, TRUNCATED);
                return XdpContext.XDP_PASS;
            }
            put(SOURCE_PORT, Net.ntohs(tcp.sourcePort));
            put(DESTINATION_PORT, Net.ntohs(tcp.destinationPort));
            put(L4_DETAIL, Net.ntohl(tcp.sequence) ^ (tcp.flags & 0xff));
        } else if (protocol == Net.IPPROTO_ICMP || protocol == Net.IPPROTO_ICMPV6) {
            Icmp icmp = ctx.header(l4, Icmp.class);
            if (icmp == null) {
                put(L4_DETAIL, TRUNCATED);
                return XdpContext.XDP_PASS;
            }
            put(L4_DETAIL, (icmp.type & 0xff) << 8 | icmp.code & 0xff);
        }
        return XdpContext.XDP_PASS;
    }
}
