package org.jbpf.net;

import org.jbpf.Struct;

/** The 4 bytes an 802.1Q tag adds after the Ethernet addresses: the tag control word and the EtherType it carries. */
@Struct
public final class Vlan {
    public static final int SIZE = 4;

    /** priority (3 bits), drop eligible (1 bit) and VLAN id (12 bits), in network order. */
    public short tci;
    /** EtherType of the tagged payload, in network order. */
    public short etherType;
}
