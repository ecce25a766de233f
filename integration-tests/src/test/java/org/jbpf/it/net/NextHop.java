package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.FibLookup;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;

/**
 * Route lookups as a forwarding xdp program makes them: each IPv4 packet's destination is looked up in the kernel's
 * forwarding tables ({@code ctx.fibLookup}); slot 0 holds the answer, slot 1 the interface to send on, slot 2 the next
 * hop's MAC address (its six bytes in the low bits, first byte highest). The tc program hands every packet to
 * {@code ctx.redirectNeigh} toward the interface Java puts in slot 3 of {@link #config}.
 */
@Bpf(license = "GPL")
public final class NextHop {
    public static final ArrayMap<Long> answers = new ArrayMap<>(Long.class, 3);
    public static final ArrayMap<Integer> config = new ArrayMap<>(Integer.class, 4);

    @Section("xdp/route")
    static int route(XdpContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null || Net.ntohs(eth.etherType) != Net.ETH_P_IP) return XdpContext.XDP_PASS;
        Ipv4 ip = ctx.header(Ethernet.SIZE, Ipv4.class);
        if (ip == null) return XdpContext.XDP_PASS;
        FibLookup fib = new FibLookup();
        fib.family = FibLookup.AF_INET;
        fib.l4Protocol = ip.protocol;
        fib.totalLength = (short) Net.ntohs(ip.totalLength);
        fib.ifindex = ctx.ingressIfindex();
        fib.source[0] = ip.source;
        fib.destination[0] = ip.destination;
        int rc = ctx.fibLookup(fib, 0);
        answers.update(0, (long) rc);
        answers.update(1, (long) fib.ifindex);
        long mac = 0;
        for (int k = 0; k < 6; k++) mac = mac << 8 | fib.destinationMac[k] & 0xff;
        answers.update(2, mac);
        return XdpContext.XDP_PASS;
    }

    @Section("tc/ingress")
    static int forward(SkBuffContext ctx) {
        Integer ifindex = config.lookup(3);
        if (ifindex == null) return SkBuffContext.TC_ACT_OK;
        return ctx.redirectNeigh(ifindex, 0);
    }
}
