package org.jbpf.examples.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.maps.HashMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;

/**
 * A tc program on an interface's egress: the bytes (whole frames, Ethernet header included) sent to each IPv4
 * destination. It only observes: every packet goes on.
 */
@Bpf(license = "GPL")
public final class EgressBytes {
    /** Destination IPv4 address (as a number) to bytes sent to it. */
    public static final HashMap<Integer, Long> bytesByDestination = new HashMap<>(Integer.class, Long.class, 4096);

    @Section("tc/egress")
    static int count(SkBuffContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null || Net.ntohs(eth.etherType) != Net.ETH_P_IP) return SkBuffContext.TC_ACT_OK;
        Ipv4 ip = ctx.header(Ethernet.SIZE, Ipv4.class);
        if (ip == null) return SkBuffContext.TC_ACT_OK;
        int destination = Net.ntohl(ip.destination);
        long bytes = ctx.length();
        Long sent = bytesByDestination.lookup(destination);
        if (sent != null) bytesByDestination.update(destination, sent + bytes);
        else bytesByDestination.update(destination, bytes);
        return SkBuffContext.TC_ACT_OK;
    }
}
