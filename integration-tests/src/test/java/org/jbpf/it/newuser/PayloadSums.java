package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;
import org.jbpf.net.Udp;

/**
 * XDP: a byte loop over the first 16 bytes of a UDP payload (or the first 4 when the payload is shorter), behind
 * variable-length IPv4 options: the byte sum, the count of printable ASCII bytes and the first zero's index, in a map.
 */
@Bpf(license = "GPL")
public final class PayloadSums {
    @Struct
    public static final class Block {
        @Size(16) public byte[] bytes;
    }

    @Struct
    public static final class Word {
        @Size(4) public byte[] bytes;
    }

    /** Slots: 0 byte sum, 1 printable bytes, 2 index of the first zero (-1 for none), 3 bytes looked at. */
    public static final ArrayMap<Long> result = new ArrayMap<>(Long.class, 4);

    @Section("xdp")
    static int sum(XdpContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null || Net.ntohs(eth.etherType) != Net.ETH_P_IP) return XdpContext.XDP_PASS;
        Ipv4 ip = ctx.header(Ethernet.SIZE, Ipv4.class);
        if (ip == null || ip.protocol != Net.IPPROTO_UDP) return XdpContext.XDP_PASS;
        int ihl = ip.versionIhl & 0x0f;
        if (ihl < 5) return XdpContext.XDP_DROP;
        int payload = Ethernet.SIZE + ihl * 4 + Udp.SIZE;
        Block block = ctx.header(payload, Block.class);
        if (block != null) {
            record(block.bytes);
            return XdpContext.XDP_PASS;
        }
        Word word = ctx.header(payload, Word.class);
        if (word == null) return XdpContext.XDP_DROP;
        record(word.bytes);
        return XdpContext.XDP_PASS;
    }

    static void record(byte[] bytes) {
        long sum = 0, printable = 0, firstZero = -1;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            sum += b;
            if (b >= 0x20 && b < 0x7f) printable++;
            if (b == 0 && firstZero < 0) firstZero = i;
        }
        result.update(0, sum);
        result.update(1, printable);
        result.update(2, firstZero);
        result.update(3, (long) bytes.length);
    }
}
