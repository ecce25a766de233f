package org.jbpf.it.tools;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.maps.HashMap;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;
import org.jbpf.net.Udp;

/**
 * A capture filter on a packet socket (as tcpdump installs one): counts every frame the socket sees by IP protocol
 * and UDP frames by destination port, and keeps for the socket only the UDP frames to {@code capturePort}.
 */
@Bpf(license = "GPL")
public final class PacketSniffer {
    @Constant static int capturePort;
    public static final HashMap<Integer, Long> byProtocol = new HashMap<>(Integer.class, Long.class, 256);
    public static final HashMap<Integer, Long> udpByPort = new HashMap<>(Integer.class, Long.class, 256);
    static long notIp;

    @Section("socket/sniffer")
    static int sniff(SkBuffContext ctx) {
        // a socket filter reads from the network header on; the frame's ether type is the socket buffer's protocol
        if (Net.ntohs((short) ctx.protocol()) != Net.ETH_P_IP) {
            notIp++;
            return 0;
        }
        Ipv4 ip = ctx.load(0, Ipv4.class);
        if (ip == null) return 0;
        byProtocol.increment(ip.protocol & 0xff);
        if (ip.protocol != Net.IPPROTO_UDP) return 0;
        Udp udp = ctx.load((ip.versionIhl & 0x0f) * 4, Udp.class);
        if (udp == null) return 0;
        int port = Net.ntohs(udp.destinationPort);
        udpByPort.increment(port);
        return port == capturePort ? ctx.length() : 0;
    }
}
