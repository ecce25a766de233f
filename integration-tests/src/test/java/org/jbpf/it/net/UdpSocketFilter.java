package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.Struct;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.net.Ipv4;
import org.jbpf.net.Net;
import org.jbpf.net.Udp;

/**
 * A socket filter on a UDP socket: copies the IPv4 and UDP headers out of each datagram ({@code ctx.load}), counts
 * datagrams per source port, drops those from blocked source ports (keeps 0 bytes) and counts datagrams whose payload
 * is too short to hold a 4-byte tag (the copy reads as null).
 */
@Bpf(license = "GPL")
public final class UdpSocketFilter {
    public static final HashMap<Integer, Long> datagramsBySourcePort = new HashMap<>(Integer.class, Long.class, 64);
    public static final HashMap<Integer, Integer> blockedSourcePorts = new HashMap<>(Integer.class, Integer.class, 64);
    public static final ArrayMap<Long> counts = new ArrayMap<>(Long.class, 4);

    /** Slots of {@link #counts}. */
    public static final int DROPPED = 0, SHORT = 1, NOT_UDP = 2;

    /** The first four payload bytes. */
    @Struct
    public static final class Tag {
        public int value;
    }

    @Section("socket/udp")
    static int filter(SkBuffContext ctx) {
        Ipv4 ip = ctx.load(0, Ipv4.class);
        if (ip == null || ip.protocol != Net.IPPROTO_UDP) {
            counts.increment(NOT_UDP);
            return ctx.length();
        }
        int l4 = (ip.versionIhl & 0x0f) * 4;
        Udp udp = ctx.load(l4, Udp.class);
        if (udp == null) return ctx.length();
        int sourcePort = Net.ntohs(udp.sourcePort);
        datagramsBySourcePort.increment(sourcePort);
        Tag tag = ctx.load(l4 + Udp.SIZE, Tag.class);
        if (tag == null) counts.increment(SHORT);
        if (blockedSourcePorts.lookup(sourcePort) != null) {
            counts.increment(DROPPED);
            return 0;
        }
        return ctx.length();
    }
}
