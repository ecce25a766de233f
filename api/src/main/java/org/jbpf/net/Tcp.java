package org.jbpf.net;

import org.jbpf.Struct;

/** TCP header without options (20 bytes); multi-byte fields in network order. */
@Struct
public final class Tcp {
    public static final int SIZE = 20;

    public short sourcePort;
    public short destinationPort;
    public int sequence;
    public int acknowledgement;
    /** header length in 32-bit words (high 4 bits). */
    public byte dataOffset;
    /** FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20. */
    public byte flags;
    public short window;
    public short checksum;
    public short urgentPointer;
}
