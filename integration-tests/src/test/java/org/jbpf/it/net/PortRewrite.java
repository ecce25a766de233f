package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;
import org.jbpf.net.Udp;

/**
 * tc egress: UDP datagrams to port {@link #FROM_PORT} leave with destination port {@link #TO_PORT}. The UDP header
 * is copied out ({@code ctx.load}), changed and written back ({@code ctx.store}); {@code fix} then corrects the UDP
 * checksum with {@code l4CsumReplace}, {@code noFix} does not (so a test can tell the difference); {@code direct}
 * writes the port through a header pointer into the packet.
 */
@Bpf(license = "GPL")
public final class PortRewrite {
    public static final int FROM_PORT = 9100, TO_PORT = 9101;

    public static final ArrayMap<Long> rewritten = new ArrayMap<>(Long.class, 1);

    @Section("tc/egress")
    static int fix(SkBuffContext ctx) { return rewrite(ctx, true); }

    @Section("tcx/egress")
    static int noFix(SkBuffContext ctx) { return rewrite(ctx, false); }

    /** The same rewrite written straight into the packet through a header pointer, then the checksum fixed. */
    @Section("classifier/egress")
    static int direct(SkBuffContext ctx) {
        Ipv4 ip = ctx.header(Ethernet.SIZE, Ipv4.class);
        if (ip == null || ip.protocol != Net.IPPROTO_UDP) return SkBuffContext.TC_ACT_OK;
        int l4 = Ethernet.SIZE + (ip.versionIhl & 0x0f) * 4;
        Udp udp = ctx.header(l4, Udp.class);
        if (udp == null || Net.ntohs(udp.destinationPort) != FROM_PORT) return SkBuffContext.TC_ACT_OK;
        short old = udp.destinationPort;
        udp.destinationPort = Net.htons(TO_PORT);
        // udp points into the packet: after this call the kernel no longer lets the program read through it
        if (ctx.l4CsumReplace(l4 + 6, old & 0xffff, Net.htons(TO_PORT) & 0xffff, 2 | SkBuffContext.BPF_F_MARK_MANGLED_0) != 0)
            return SkBuffContext.TC_ACT_SHOT;
        rewritten.increment(0);
        return SkBuffContext.TC_ACT_OK;
    }

    private static int rewrite(SkBuffContext ctx, boolean fixChecksum) {
        Ipv4 ip = ctx.load(Ethernet.SIZE, Ipv4.class);
        if (ip == null || ip.protocol != Net.IPPROTO_UDP) return SkBuffContext.TC_ACT_OK;
        int l4 = Ethernet.SIZE + (ip.versionIhl & 0x0f) * 4;
        Udp udp = ctx.load(l4, Udp.class);
        if (udp == null || Net.ntohs(udp.destinationPort) != FROM_PORT) return SkBuffContext.TC_ACT_OK;
        short old = udp.destinationPort;
        udp.destinationPort = Net.htons(TO_PORT);
        if (ctx.store(l4, udp, 0) != 0) return SkBuffContext.TC_ACT_SHOT;
        // the checksum field is 6 bytes into the UDP header; a UDP checksum that becomes 0 must be sent as 0xffff
        if (fixChecksum && ctx.l4CsumReplace(l4 + 6, old & 0xffff, udp.destinationPort & 0xffff,
                2 | SkBuffContext.BPF_F_MARK_MANGLED_0) != 0)
            return SkBuffContext.TC_ACT_SHOT;
        rewritten.increment(0);
        return SkBuffContext.TC_ACT_OK;
    }
}
