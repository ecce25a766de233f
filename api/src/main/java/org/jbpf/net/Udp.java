package org.jbpf.net;

import org.jbpf.Struct;

/** UDP header (8 bytes); fields in network order ({@code Net.ntohs(destinationPort)} is the port). */
@Struct
public final class Udp {
    public static final int SIZE = 8;

    public short sourcePort;
    public short destinationPort;
    public short length;
    public short checksum;
}
