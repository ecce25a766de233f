package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;
import org.jbpf.net.Tcp;

/**
 * The options of a TCP segment over IPv4 walked kind by kind in a bounded loop, as a SYN inspector reads them:
 * end-of-options stops, a NOP is one byte, every other option has its length (below 2 stops the walk). Slot 0 gets
 * the MSS (or -1), slot 1 the window scale (or -1), slot 2 the number of options seen; XDP_DROP when an option runs
 * past the header's data offset.
 */
@Bpf(license = "GPL")
public final class TcpOptions {
    /** A TCP option's kind and length. */
    @Struct
    public static final class Head {
        public byte kind;
        public byte length;
    }

    /** The MSS option: kind 2, length 4, the segment size in network order. */
    @Struct
    public static final class Mss {
        public byte kind;
        public byte length;
        public short size;
    }

    /** The window scale option: kind 3, length 3, the shift. */
    @Struct
    public static final class Scale {
        public byte kind;
        public byte length;
        public byte shift;
    }

    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 3);

    @Section("xdp/tcp-options")
    static int options(XdpContext ctx) {
        Ethernet eth = ctx.header(0, Ethernet.class);
        if (eth == null || Net.ntohs(eth.etherType) != Net.ETH_P_IP) return XdpContext.XDP_PASS;
        Ipv4 ip = ctx.header(Ethernet.SIZE, Ipv4.class);
        if (ip == null || ip.protocol != Net.IPPROTO_TCP) return XdpContext.XDP_PASS;
        int l4 = Ethernet.SIZE + (ip.versionIhl & 0x0f) * 4;
        Tcp tcp = ctx.header(l4, Tcp.class);
        if (tcp == null) return XdpContext.XDP_PASS;
        int end = l4 + ((tcp.dataOffset & 0xff) >> 4) * 4;
        long mss = -1, scale = -1, seen = 0;
        int at = l4 + Tcp.SIZE;
        for (int k = 0; k < 10 && at < end; k++) {
            Head head = ctx.header(at, Head.class);
            if (head == null) break;
            int kind = head.kind & 0xff;
            if (kind == 0) break;
            seen++;
            if (kind == 1) {
                at++;
                continue;
            }
            int length = head.length & 0xff;
            if (length < 2) break;
            if (at + length > end) return XdpContext.XDP_DROP;
            if (kind == 2 && length == 4) {
                Mss option = ctx.header(at, Mss.class);
                if (option != null) mss = Net.ntohs(option.size);
            } else if (kind == 3 && length == 3) {
                Scale option = ctx.header(at, Scale.class);
                if (option != null) scale = option.shift & 0xff;
            }
            at += length;
        }
        out.update(0, mss);
        out.update(1, scale);
        out.update(2, seen);
        return XdpContext.XDP_PASS;
    }
}
