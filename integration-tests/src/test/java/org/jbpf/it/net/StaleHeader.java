package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv4;

/**
 * Reads a header after a checksum helper changed the packet: the kernel would refuse it (the helper may have moved
 * the packet, so it forgets every packet pointer); the translator refuses it at the Java line.
 */
@Bpf(license = "GPL")
public final class StaleHeader {
    @Section("tc/egress")
    static int stale(SkBuffContext ctx) {
        Ipv4 ip = ctx.header(Ethernet.SIZE, Ipv4.class);
        if (ip == null) return SkBuffContext.TC_ACT_OK;
        ctx.l3CsumReplace(Ethernet.SIZE + 10, 0, 0, 2);
        return ip.ttl;
    }
}
