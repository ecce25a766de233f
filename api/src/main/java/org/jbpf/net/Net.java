package org.jbpf.net;

/**
 * Byte order of packet fields. Header fields are stored as they travel, in network (big-endian) byte order; these
 * turn them into numbers. Inside a BPF program each is one byte-swap instruction; in ordinary Java they compute the
 * same result, so a probe's parsing code can be run on a byte array in a test.
 */
public final class Net {
    private Net() {}

    /** EtherTypes of {@link Ethernet#etherType} and {@link Vlan#etherType}, after {@link #ntohs}. */
    public static final int ETH_P_IP = 0x0800, ETH_P_IPV6 = 0x86dd, ETH_P_8021Q = 0x8100, ETH_P_8021AD = 0x88a8, ETH_P_ARP = 0x0806;

    /** IP protocol numbers of {@link Ipv4#protocol} and {@link Ipv6#nextHeader}. */
    public static final int IPPROTO_ICMP = 1, IPPROTO_TCP = 6, IPPROTO_UDP = 17, IPPROTO_ICMPV6 = 58;

    /** A 16-bit field read as a short (host order) as the unsigned number it carries (0..65535). */
    public static int ntohs(short networkOrder) { return Short.reverseBytes(networkOrder) & 0xffff; }

    /** A 32-bit field read as an int (host order) as the number it carries. */
    public static int ntohl(int networkOrder) { return Integer.reverseBytes(networkOrder); }

    /** A number as a 16-bit field in network order, for comparing with a field as read (e.g. a port from a map key). */
    public static short htons(int hostOrder) { return Short.reverseBytes((short) hostOrder); }

    /** A number as a 32-bit field in network order. */
    public static int htonl(int hostOrder) { return Integer.reverseBytes(hostOrder); }
}
