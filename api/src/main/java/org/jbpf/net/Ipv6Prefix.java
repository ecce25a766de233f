package org.jbpf.net;

import org.jbpf.Size;
import org.jbpf.Struct;

/**
 * Key of an IPv6 {@link org.jbpf.maps.LpmTrie}: a prefix length in bits and the 16 address bytes in network order. In
 * a probe, look up a packet's address with {@code prefixLength = 128} and the address copied in,
 * {@code System.arraycopy(ip.source, 0, key.address, 0, 16)}.
 */
@Struct
public final class Ipv6Prefix {
    public int prefixLength;
    /** The address bytes in network order, as {@link Ipv6#source} holds them. */
    @Size(16) public byte[] address = new byte[16];

    /** The prefix {@code address/bits}, the address given as its 16 bytes in network order (::1 ends in 1). */
    public static Ipv6Prefix of(byte[] address, int bits) {
        if (address.length != 16) throw new IllegalArgumentException("an IPv6 address has 16 bytes, not " + address.length);
        if (bits < 0 || bits > 128) throw new IllegalArgumentException("an IPv6 prefix has 0 to 128 bits, not " + bits);
        Ipv6Prefix p = new Ipv6Prefix();
        p.prefixLength = bits;
        p.address = address.clone();
        return p;
    }
}
