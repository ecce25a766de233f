package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.NoInline;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv6;
import org.jbpf.net.Net;

/**
 * Elements of a packet header's arrays at an index read from the packet: the kernel forgets what a packet pointer may
 * read once a variable is added to it, so each such element needs a check of its own against the packet's end. The
 * first byte of the frame ({@code destination[0]}, where a one-byte check is easiest to get wrong) and the last byte
 * of an IPv6 header that ends the packet. An index out of range reads 0 and stores nothing.
 */
@Bpf(license = "GPL")
public final class HeaderArrays {
    /** Slot 0: the destination byte xdp read; slot 1: the IPv6 destination byte tc read. */
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 2);

    /** Reads and overwrites {@code destination[i]}, i the low 3 bits of the source address's last byte (6 and 7 out of range). */
    @Section("xdp/index")
    static int index(XdpContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null) return XdpContext.XDP_ABORTED;
        int i = eth.source[5] & 7;
        out.update(0, (long) (eth.destination[i] & 0xff));
        eth.destination[i] = (byte) 0xee;
        return XdpContext.XDP_PASS;
    }

    /** Reads {@code destination[i]} of the IPv6 header, i the hop limit's low 4 bits, and flips {@code source[i]}. */
    @Section("tc/index")
    static int tcIndex(SkBuffContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null || Net.ntohs(eth.etherType) != Net.ETH_P_IPV6) return SkBuffContext.TC_ACT_OK;
        Ipv6 ip6 = ctx.header(Ethernet.SIZE, Ipv6.class);
        if (ip6 == null) return SkBuffContext.TC_ACT_SHOT;
        int i = ip6.hopLimit & 15;
        out.update(1, (long) (ip6.destination[i] & 0xff));
        ip6.source[i] = (byte) (ip6.source[i] ^ 0x5a);
        return SkBuffContext.TC_ACT_OK;
    }

    /** Hands the header to a function of its own, which reads {@code source[i]}, i the low 3 bits of the first byte. */
    @Section("xdp/passed")
    static int passed(XdpContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null) return XdpContext.XDP_ABORTED;
        out.update(0, (long) sourceByte(eth, eth.destination[0] & 7));
        return XdpContext.XDP_PASS;
    }

    /** A BPF function of its own: it holds no packet end to check the element against. */
    @NoInline
    static int sourceByte(Ethernet eth, int i) { return eth.source[i] & 0xff; }
}
