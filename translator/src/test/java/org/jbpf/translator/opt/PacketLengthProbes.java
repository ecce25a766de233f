package org.jbpf.translator.opt;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.net.Ethernet;
import org.jbpf.net.Net;

/** Packet lengths and other ints widened to long, for the tests of which widenings stay ({@link PacketLengthCodeTest}). */
final class PacketLengthProbes {
    private PacketLengthProbes() {}

    /** Frames and their bytes counted, frames shorter than an Ethernet header dropped: the length is only stored. */
    @Bpf(license = "GPL")
    public static final class Counted {
        public static final ArrayMap<Long> packets = new ArrayMap<>(Long.class, 2);

        @Section("xdp")
        static int count(XdpContext ctx) {
            int len = ctx.length();
            if (len < 14) return XdpContext.XDP_DROP;
            packets.increment(0);
            packets.add(1, len);
            return XdpContext.XDP_PASS;
        }
    }

    /** The length less 100, negative for short frames: its widening must stay. */
    @Bpf(license = "GPL")
    public static final class Differences {
        public static final ArrayMap<Long> packets = new ArrayMap<>(Long.class, 1);

        @Section("xdp")
        static int count(XdpContext ctx) {
            int len = ctx.length();
            if (len < 14) return XdpContext.XDP_DROP;
            packets.add(0, len - 100);
            return XdpContext.XDP_PASS;
        }
    }

    /**
     * The widened length is compared too: the verifier knows nothing of a 32-bit difference of packet pointers but
     * what its widening tells, so the widening stays.
     */
    @Bpf(license = "GPL")
    public static final class Compared {
        public static final ArrayMap<Long> packets = new ArrayMap<>(Long.class, 2);

        @Section("xdp")
        static int count(XdpContext ctx) {
            int len = ctx.length();
            if (len < 14) return XdpContext.XDP_DROP;
            long wide = len;
            if (wide > 1000) packets.increment(0);
            packets.add(1, wide);
            return XdpContext.XDP_PASS;
        }
    }

    /**
     * An EtherType's low 15 bits, 0..32767 by the mask, which the verifier knows too: the widening goes, whatever
     * reads the long.
     */
    @Bpf(license = "GPL")
    public static final class Masked {
        public static final ArrayMap<Long> packets = new ArrayMap<>(Long.class, 2);

        @Section("xdp")
        static int count(XdpContext ctx) {
            Ethernet eth = ctx.header(0, Ethernet.class);
            if (eth == null) return XdpContext.XDP_DROP;
            long type = Net.ntohs(eth.etherType) & 0x7fff;
            if (type > 1500) packets.increment(0);
            packets.add(1, type);
            return XdpContext.XDP_PASS;
        }
    }
}
