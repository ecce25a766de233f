package org.jbpf.examples.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.maps.LruHashMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;
import org.jbpf.net.Tcp;
import org.jbpf.net.Udp;

/**
 * A tc program on an interface's ingress: the bytes (whole frames) of each IPv4 flow, keyed by its 5-tuple
 * ({@link Flow}). TCP and UDP flows have their ports; other protocols, and packets cut before their ports, count with
 * ports 0. The least recently seen flows make room when the map is full. It only observes: every packet goes on.
 */
@Bpf(license = "GPL")
public final class FlowBytes {
    public static final LruHashMap<Flow, Long> bytesByFlow = new LruHashMap<>(Flow.class, Long.class, 16384);

    @Section("tc/ingress")
    static int count(SkBuffContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null || Net.ntohs(eth.etherType) != Net.ETH_P_IP) return SkBuffContext.TC_ACT_OK;
        Ipv4 ip = ctx.header(Ethernet.SIZE, Ipv4.class);
        if (ip == null) return SkBuffContext.TC_ACT_OK;
        Flow flow = new Flow();
        flow.source = Net.ntohl(ip.source);
        flow.destination = Net.ntohl(ip.destination);
        flow.protocol = ip.protocol & 0xff;
        int transport = Ethernet.SIZE + (ip.versionIhl & 0x0f) * 4;
        if (flow.protocol == Net.IPPROTO_UDP) {
            Udp udp = ctx.header(transport, Udp.class);
            if (udp != null) {
                flow.sourcePort = Net.ntohs(udp.sourcePort);
                flow.destinationPort = Net.ntohs(udp.destinationPort);
            }
        } else if (flow.protocol == Net.IPPROTO_TCP) {
            Tcp tcp = ctx.header(transport, Tcp.class);
            if (tcp != null) {
                flow.sourcePort = Net.ntohs(tcp.sourcePort);
                flow.destinationPort = Net.ntohs(tcp.destinationPort);
            }
        }
        bytesByFlow.add(flow, ctx.length());
        return SkBuffContext.TC_ACT_OK;
    }
}
