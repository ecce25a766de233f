package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.HashMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;
import org.jbpf.net.Tcp;

/** XDP: TCP connection attempts (SYN without ACK) counted per destination port; SYNs to the configured port dropped. */
@Bpf(license = "GPL")
public final class SynGuard {
    static final int FIN = 0x01, SYN = 0x02, RST = 0x04, ACK = 0x10;
    @Constant static int closedPort;
    public static final HashMap<Integer, Long> attempts = new HashMap<>(Integer.class, Long.class, 256);
    static long resets;
    static long other;

    @Section("xdp")
    static int guard(XdpContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null || Net.ntohs(eth.etherType) != Net.ETH_P_IP) return XdpContext.XDP_PASS;
        Ipv4 ip = ctx.header(Ethernet.SIZE, Ipv4.class);
        if (ip == null || ip.protocol != Net.IPPROTO_TCP) return XdpContext.XDP_PASS;
        Tcp tcp = ctx.header(Ethernet.SIZE + (ip.versionIhl & 0x0f) * 4, Tcp.class);
        if (tcp == null) return XdpContext.XDP_PASS;
        int flags = tcp.flags & 0xff;
        int port = Net.ntohs(tcp.destinationPort);
        if ((flags & (SYN | ACK)) == SYN) {
            attempts.increment(port);
            return port == closedPort ? XdpContext.XDP_DROP : XdpContext.XDP_PASS;
        }
        if ((flags & RST) != 0) resets++;
        else other++;
        return XdpContext.XDP_PASS;
    }
}
