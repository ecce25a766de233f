package org.jbpf.net;

import org.jbpf.Struct;

/**
 * Key of an IPv4 {@link org.jbpf.maps.LpmTrie}: a prefix length in bits and the address in network order. In a probe,
 * look up a packet's address with {@code prefixLength = 32} and {@code address = ip.source} (already network order).
 */
@Struct
public final class Ipv4Prefix {
    public int prefixLength;
    /** The address in network order, as {@link Ipv4#source} holds it. */
    public int address;

    /** The prefix {@code address/bits}, the address given as a number (127.1.0.0 is 0x7f010000). */
    public static Ipv4Prefix of(int address, int bits) {
        if (bits < 0 || bits > 32) throw new IllegalArgumentException("an IPv4 prefix has 0 to 32 bits, not " + bits);
        Ipv4Prefix p = new Ipv4Prefix();
        p.prefixLength = bits;
        p.address = Net.htonl(address);
        return p;
    }
}
