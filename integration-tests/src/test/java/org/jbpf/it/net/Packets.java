package org.jbpf.it.net;

import java.io.ByteArrayOutputStream;

/** Builds packets byte by byte, as they travel (network byte order), for BPF_PROG_TEST_RUN and for {@link JavaParse}. */
final class Packets {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    static Packets ethernet(int etherType) {
        Packets p = new Packets();
        p.raw(0x02, 0, 0, 0, 0, 0x02).raw(0x02, 0, 0, 0, 0, 0x01).u16(etherType);
        return p;
    }

    Packets vlan(int tci, int etherType) { return u16(tci).u16(etherType); }

    /** An IPv4 header with {@code ihl} 32-bit words (5 without options; more adds zero option bytes). */
    Packets ipv4(int protocol, int source, int destination, int ihl) {
        raw(0x40 | ihl, 0).u16(20 + 8).u16(0x1234).u16(0).raw(64, protocol).u16(0).u32(source).u32(destination);
        for (int i = 5; i < ihl; i++) u32(0);
        return this;
    }

    Packets ipv6(int nextHeader, int sourceLast, int destinationFirst) {
        u32(0x60000000).u16(8).raw(nextHeader, 64);
        for (int i = 0; i < 15; i++) raw(0);
        raw(sourceLast, destinationFirst);
        for (int i = 0; i < 15; i++) raw(0);
        return this;
    }

    Packets udp(int sourcePort, int destinationPort) { return u16(sourcePort).u16(destinationPort).u16(8).u16(0); }

    Packets tcp(int sourcePort, int destinationPort, int sequence, int flags) {
        return u16(sourcePort).u16(destinationPort).u32(sequence).u32(0).raw(0x50, flags).u16(0xffff).u16(0).u16(0);
    }

    Packets icmp(int type, int code) { return raw(type, code).u16(0).u32(0x00010002); }

    Packets payload(int n) {
        for (int i = 0; i < n; i++) raw(i);
        return this;
    }

    Packets raw(int... b) {
        for (int x : b) bytes.write(x);
        return this;
    }

    Packets u16(int v) { return raw(v >>> 8 & 0xff, v & 0xff); }

    Packets u32(int v) { return u16(v >>> 16).u16(v & 0xffff); }

    byte[] bytes() { return bytes.toByteArray(); }
}
