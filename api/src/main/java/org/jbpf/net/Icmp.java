package org.jbpf.net;

import org.jbpf.Struct;

/** ICMP (and ICMPv6) header (8 bytes): type, code, checksum and the type's 4 bytes (e.g. echo id and sequence). */
@Struct
public final class Icmp {
    public static final int SIZE = 8;

    public byte type;
    public byte code;
    public short checksum;
    public int rest;
}
