package org.jbpf.it.newuser;

import java.nio.ByteBuffer;

/** Packets built byte by byte for BPF_PROG_TEST_RUN: Ethernet frames with VLAN tags, IPv4 (with options), IPv6, UDP, TCP and ICMP. */
final class Frames {
    static final byte[] DESTINATION_MAC = {2, 0x6a, 0x62, 0x70, 0x66, 2}, SOURCE_MAC = {2, 0x6a, 0x62, 0x70, 0x66, 1};
    static final int ETH_P_IP = 0x0800, ETH_P_IPV6 = 0x86dd, ETH_P_8021Q = 0x8100;

    private Frames() {}

    static byte[] ethernet(int etherType, byte[] payload) {
        return ByteBuffer.allocate(14 + payload.length).put(DESTINATION_MAC).put(SOURCE_MAC).putShort((short) etherType).put(payload).array();
    }

    static byte[] vlan(int id, int innerType, byte[] payload) {
        return ethernet(ETH_P_8021Q, ByteBuffer.allocate(4 + payload.length).putShort((short) (0x2000 | id))
                .putShort((short) innerType).put(payload).array());
    }

    static byte[] ipv4(int protocol, int source, int destination, byte[] options, byte[] l4) {
        int header = 20 + options.length;
        ByteBuffer b = ByteBuffer.allocate(header + l4.length);
        b.put((byte) (0x40 | header / 4)).put((byte) 0).putShort((short) (header + l4.length)).putShort((short) 0x1234)
                .putShort((short) 0x4000).put((byte) 64).put((byte) protocol).putShort((short) 0).putInt(source).putInt(destination)
                .put(options);
        byte[] out = b.put(l4).array();
        int sum = checksum(out, 0, header);
        out[10] = (byte) (sum >> 8);
        out[11] = (byte) sum;
        return out;
    }

    static byte[] ipv6(int nextHeader, byte[] source, byte[] destination, byte[] l4) {
        return ByteBuffer.allocate(40 + l4.length).putInt(0x60000000).putShort((short) l4.length).put((byte) nextHeader)
                .put((byte) 64).put(source).put(destination).put(l4).array();
    }

    static byte[] udp(int sourcePort, int destinationPort, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putShort((short) sourcePort).putShort((short) destinationPort)
                .putShort((short) (8 + payload.length)).putShort((short) 0).put(payload).array();
    }

    static byte[] tcp(int sourcePort, int destinationPort, int flags) {
        return ByteBuffer.allocate(20).putShort((short) sourcePort).putShort((short) destinationPort).putInt(1000).putInt(0)
                .put((byte) 0x50).put((byte) flags).putShort((short) 65535).putShort((short) 0).putShort((short) 0).array();
    }

    static byte[] icmpEcho(int type, int id, int sequence, byte[] data) {
        byte[] out = ByteBuffer.allocate(8 + data.length).put((byte) type).put((byte) 0).putShort((short) 0)
                .putShort((short) id).putShort((short) sequence).put(data).array();
        int sum = checksum(out, 0, out.length);
        out[2] = (byte) (sum >> 8);
        out[3] = (byte) sum;
        return out;
    }

    /** The Internet checksum of {@code length} bytes at {@code from}: 0 when they hold a correct checksum. */
    static int checksum(byte[] b, int from, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 2) sum += ((b[from + i] & 0xff) << 8) | (i + 1 < length ? b[from + i + 1] & 0xff : 0);
        while ((sum >> 16) != 0) sum = (sum & 0xffff) + (sum >> 16);
        return (int) (~sum & 0xffff);
    }

    static byte[] address6(int... words) {
        ByteBuffer b = ByteBuffer.allocate(16);
        for (int w : words) b.putShort((short) w);
        return b.array();
    }
}
