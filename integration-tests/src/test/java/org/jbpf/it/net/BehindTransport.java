package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.Struct;
import org.jbpf.maps.ArrayMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Ipv6;
import org.jbpf.net.Net;

/**
 * Eight bytes 7 before the transport header, at an offset whose range the translator proves from IPv4's version and
 * header length tests (at least 20 bytes, so the offset is at least 27). LLVM rewrote the length test into one of the
 * version byte, after which the kernel no longer knew the offset's range; the offset's bound check now stays in the
 * code LLVM is given. Verdicts: 1 short frame, 2 short IPv4 header, 8 not version 4, 3 header length under 20,
 * 5 neither IPv4 nor IPv6, 0 read (slot 0 holds the last four of the eight bytes).
 */
@Bpf(license = "GPL")
public final class BehindTransport {
    @Struct
    public static final class Ext {
        public byte next;
        public byte length;
        public short a;
        public int b;
    }

    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Section("tc/behind")
    static int behind(SkBuffContext ctx) {
        int off = 14, type, l4;
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null) return 1;
        type = Net.ntohs(eth.etherType);
        if (type == Net.ETH_P_IP) {
            Ipv4 ip = ctx.load(off, Ipv4.class);
            if (ip == null) return 2;
            if ((ip.versionIhl & 0xf0) != 0x40) return 8;
            int ihl = (ip.versionIhl & 0x0f) * 4;
            if (ihl < Ipv4.SIZE) return 3;
            l4 = off + ihl;
        } else if (type == Net.ETH_P_IPV6) {
            l4 = off + Ipv6.SIZE;
        } else {
            return 5;
        }
        Ext behind = ctx.header(l4 - 7, Ext.class);
        if (behind != null) out.update(0, (long) behind.b);
        return 0;
    }
}
