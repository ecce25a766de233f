package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.net.Checksum;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;
import org.jbpf.net.Udp;

/**
 * Destination NAT of UDP over IPv4, as a load balancer writes it: datagrams to {@link #VIP}:{@link #PORT} go to
 * {@link #BACKEND}:{@link #BACKEND_PORT}. The xdp program rewrites the header views in place and updates the IPv4 and
 * UDP checksums incrementally ({@link Checksum}); the tc program does the same with l3_csum_replace and
 * l4_csum_replace (the address with BPF_F_PSEUDO_HDR, as it is part of UDP's pseudo-header). Slot 0 counts rewrites.
 */
@Bpf(license = "GPL")
public final class Nat {
    public static final int VIP = 0x7f010009, BACKEND = 0x7f010002, PORT = 8053, BACKEND_PORT = 9053;

    public static final ArrayMap<Long> rewrites = new ArrayMap<>(Long.class, 1);

    @Section("xdp/nat")
    static int xdp(XdpContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null || Net.ntohs(eth.etherType) != Net.ETH_P_IP) return XdpContext.XDP_PASS;
        Ipv4 ip = ctx.header(Ethernet.SIZE, Ipv4.class);
        if (ip == null || ip.protocol != Net.IPPROTO_UDP || Net.ntohl(ip.destination) != VIP) return XdpContext.XDP_PASS;
        Udp udp = ctx.header(Ethernet.SIZE + (ip.versionIhl & 0x0f) * 4, Udp.class);
        if (udp == null || Net.ntohs(udp.destinationPort) != PORT) return XdpContext.XDP_PASS;
        int oldAddress = ip.destination, newAddress = Net.htonl(BACKEND);
        short oldPort = udp.destinationPort, newPort = Net.htons(BACKEND_PORT);
        ip.destination = newAddress;
        ip.checksum = Checksum.replace32(ip.checksum, oldAddress, newAddress);
        udp.destinationPort = newPort;
        if (udp.checksum != 0) {
            short sum = Checksum.replace16(Checksum.replace32(udp.checksum, oldAddress, newAddress), oldPort, newPort);
            udp.checksum = sum == 0 ? (short) 0xffff : sum;
        }
        rewrites.increment(0);
        return XdpContext.XDP_PASS;
    }

    @Section("tc/ingress")
    static int tc(SkBuffContext ctx) {
        Ipv4 ip = ctx.load(Ethernet.SIZE, Ipv4.class);
        if (ip == null || ip.protocol != Net.IPPROTO_UDP || Net.ntohl(ip.destination) != VIP) return SkBuffContext.TC_ACT_OK;
        int l4 = Ethernet.SIZE + (ip.versionIhl & 0x0f) * 4;
        Udp udp = ctx.load(l4, Udp.class);
        if (udp == null || Net.ntohs(udp.destinationPort) != PORT) return SkBuffContext.TC_ACT_OK;
        int oldAddress = ip.destination, newAddress = Net.htonl(BACKEND);
        short oldPort = udp.destinationPort, newPort = Net.htons(BACKEND_PORT);
        ip.destination = newAddress;
        udp.destinationPort = newPort;
        int flags = SkBuffContext.BPF_F_MARK_MANGLED_0;
        if (ctx.store(Ethernet.SIZE, ip, 0) != 0 || ctx.store(l4, udp, 0) != 0
                || ctx.l3CsumReplace(Ethernet.SIZE + 10, oldAddress, newAddress, 4) != 0
                || ctx.l4CsumReplace(l4 + 6, oldAddress, newAddress, 4 | SkBuffContext.BPF_F_PSEUDO_HDR | flags) != 0
                || ctx.l4CsumReplace(l4 + 6, oldPort & 0xffff, newPort & 0xffff, 2 | flags) != 0)
            return SkBuffContext.TC_ACT_SHOT;
        rewrites.increment(0);
        return SkBuffContext.TC_ACT_OK;
    }
}
