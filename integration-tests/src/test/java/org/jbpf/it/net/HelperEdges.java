package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.net.Ethernet;

/**
 * tc programs at the edges of the packet helpers, each returning what the helper returned: a store with a flag the
 * kernel does not know (EINVAL, nothing written), a checksum update at an odd offset (EFAULT), a 4-byte l3 update
 * whose sum comes out as zero (the kernel stores +0 where the arithmetic of RFC 1624 alone gives -0), a copy and a
 * store near int's largest offset, and the frame's protocol. Found by the random packet probes (seed 101), where the simulation's interpreter disagreed with the kernel.
 */
@Bpf(license = "GPL")
public final class HelperEdges {
    @Section("tc/store_flags")
    static int storeFlags(SkBuffContext ctx) {
        Ethernet eth = ctx.load(0, Ethernet.class);
        if (eth == null) return 1;
        eth.etherType = 0;
        return ctx.store(0, eth, 4);
    }

    @Section("tc/odd_checksum")
    static int oddChecksum(SkBuffContext ctx) { return ctx.l4CsumReplace(11, 0, 3, 4); }

    /** The IPv4 checksum (bytes 24 and 25 of the frame) after a change from 0xffffffff to 0. */
    @Section("tc/zero_sum")
    static int zeroSum(SkBuffContext ctx) { return ctx.l3CsumReplace(24, 0xffffffffL, 0, 4); }

    /** A copy and a store at an offset near int's largest: both fail (the interpreter's offset plus length overflowed). */
    @Section("tc/far")
    static int far(SkBuffContext ctx) {
        int offset = 0x7ffffff8 | (ctx.length() & 7);   // offset + 14 is past int's largest
        Ethernet eth = ctx.load(offset, Ethernet.class);
        Ethernet first = ctx.load(0, Ethernet.class);
        if (first == null) return 1;
        return (eth == null ? 100 : 200) + ctx.store(offset, first, 0);
    }

    @Section("tc/protocol")
    static int protocol(SkBuffContext ctx) { return ctx.protocol(); }
}
