package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;

/**
 * Frames counted in place, frames shorter than 60 bytes dropped. Slot 0 counts the frames passed, 1 adds their
 * lengths (widened to long without a sign extension: a 32-bit difference tested non-negative), 2 adds their
 * lengths less 100 (negative below 100 bytes, so widened with one), 3 adds the low 15 bits of their EtherTypes (a
 * mask the verifier knows too), 4 adds the IPv4 source address read as an int where it is not negative (a 32-bit
 * load, tested non-negative in 32 bits). The drop's XDP_DROP is set before its test and shares the program's exit.
 * Program {@code buckets} adds to slot 5 a weight picked from a local array by a source address below 8, tested
 * in 32 bits only: the array's bound check goes, and the kernel bounds the index by those tests alone.
 */
@Bpf(license = "GPL")
public final class XdpLengthCounts {
    public static final ArrayMap<Long> counts = new ArrayMap<>(Long.class, 6);

    @Section("xdp/lengths")
    static int lengths(XdpContext ctx) {
        int len = ctx.length();
        if (len < 60) return XdpContext.XDP_DROP;
        counts.increment(0);
        counts.add(1, len);
        counts.add(2, len - 100);
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth != null) counts.add(3, Net.ntohs(eth.etherType) & 0x7fff);
        Ipv4 ip = ctx.header(Ethernet.SIZE, Ipv4.class);
        int source = ip == null ? -1 : ip.source;
        if (source >= 0) counts.add(4, source);
        return XdpContext.XDP_PASS;
    }

    @Section("xdp/buckets")
    static int buckets(XdpContext ctx) {
        int[] weights = {3, 5, 7, 11, 13, 17, 19, 23};
        Ipv4 ip = ctx.header(Ethernet.SIZE, Ipv4.class);
        int source = ip == null ? -1 : ip.source;
        if (source < 0) return XdpContext.XDP_DROP;
        if (source < 8) counts.add(5, weights[source]);
        return XdpContext.XDP_PASS;
    }
}
