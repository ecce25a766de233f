package org.jbpf.net;

import org.jbpf.Size;
import org.jbpf.Struct;

/** Ethernet II header (14 bytes). {@code etherType} is in network order: compare {@code Net.ntohs(etherType)} with {@code Net.ETH_P_*}. */
@Struct
public final class Ethernet {
    /** Size of the header in bytes. */
    public static final int SIZE = 14;

    @Size(6) public byte[] destination;
    @Size(6) public byte[] source;
    public short etherType;
}
