package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.LpmTrie;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv6;
import org.jbpf.net.Ipv6Prefix;
import org.jbpf.net.Net;

/** An IPv6 source filter: the verdict of the longest prefix that holds the packet's source, XDP_PASS without one. */
@Bpf(license = "GPL")
public final class Ipv6Prefixes {
    public static final LpmTrie<Ipv6Prefix, Integer> sources = new LpmTrie<>(Ipv6Prefix.class, Integer.class, 64);

    @Section("xdp/ipv6-sources")
    static int filter(XdpContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null || Net.ntohs(eth.etherType) != Net.ETH_P_IPV6) return XdpContext.XDP_PASS;
        Ipv6 ip = ctx.header(Ethernet.SIZE, Ipv6.class);
        if (ip == null) return XdpContext.XDP_PASS;
        Ipv6Prefix key = new Ipv6Prefix();
        key.prefixLength = 128;
        System.arraycopy(ip.source, 0, key.address, 0, 16);
        Integer verdict = sources.lookup(key);
        return verdict != null ? verdict : XdpContext.XDP_PASS;
    }
}
