package org.jbpf.net;

import org.jbpf.Size;
import org.jbpf.Struct;

/** IPv6 fixed header (40 bytes); multi-byte fields in network order. */
@Struct
public final class Ipv6 {
    public static final int SIZE = 40;

    /** version (4 bits), traffic class (8 bits) and flow label (20 bits). */
    public int versionClassFlow;
    public short payloadLength;
    public byte nextHeader;
    public byte hopLimit;
    @Size(16) public byte[] source;
    @Size(16) public byte[] destination;
}
