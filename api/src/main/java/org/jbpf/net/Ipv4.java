package org.jbpf.net;

import org.jbpf.Struct;

/**
 * IPv4 header without options (20 bytes). Multi-byte fields are in network order. The header's real length is
 * {@code (versionIhl & 0x0f) * 4} bytes; the next header starts there.
 */
@Struct
public final class Ipv4 {
    public static final int SIZE = 20;

    /** version (high 4 bits) and header length in 32-bit words (low 4 bits). */
    public byte versionIhl;
    public byte tos;
    public short totalLength;
    public short id;
    public short fragmentOffset;
    public byte ttl;
    public byte protocol;
    public short checksum;
    /** Source address in network order: {@code Net.ntohl(source)} is the address as a number (127.0.0.1 is 0x7f000001). */
    public int source;
    public int destination;
}
