package org.jbpf.it.semantics;

import java.util.Arrays;

/**
 * What a packet program's context means, as plain Java over a byte array, for the Java copy of a random packet probe
 * ({@link RandomPackets}): the packet as BPF_PROG_TEST_RUN gives it to an xdp, tc or socket program (the Ethernet
 * header pulled off in a socket filter, whose offsets start at the network header and whose bytes come back with
 * the Ethernet header zeroed), header views as offsets into it, copies out and back, the kernel's moves of the
 * packet's head and tail with their limits and errnos, and the incremental checksum updates of l3/l4_csum_replace
 * computed as the kernel computes them on a little-endian machine (so a checksum's +0 and -0 come out as there).
 * Multi-byte reads and writes are little-endian: a header field read in a probe is the packet's bytes in host order.
 */
public final class PacketModel {
    public enum Kind { XDP, TC, SOCKET }

    public static final int EINVAL = -22, EFAULT = -14;
    /** Room before the packet: the kernel's XDP_PACKET_HEADROOM less its xdp_frame, which the head may not move into. */
    private static final int HEADROOM = 256, FRAME = 40, ETH_HLEN = 14;
    /** Room after the packet an xdp program's tail may grow into (far more than a random probe asks for). */
    private static final int TAILROOM = 1024;

    private final Kind kind;
    private final byte[] buffer;
    /** The packet is buffer[start, end); a socket filter's offsets count from start + 14. */
    private int start, end;

    public PacketModel(Kind kind, byte[] packet) {
        this.kind = kind;
        buffer = new byte[HEADROOM + packet.length + TAILROOM];
        System.arraycopy(packet, 0, buffer, HEADROOM, packet.length);
        start = HEADROOM;
        end = HEADROOM + packet.length;
    }

    /** The bytes BPF_PROG_TEST_RUN gives back after the run. */
    public byte[] bytes() {
        byte[] out = Arrays.copyOfRange(buffer, start, end);
        if (kind == Kind.SOCKET) Arrays.fill(out, 0, ETH_HLEN, (byte) 0);
        return out;
    }

    private int base() { return kind == Kind.SOCKET ? start + ETH_HLEN : start; }

    /** {@code ctx.length()}: what the program sees of the packet. */
    public int length() { return end - base(); }

    /** {@code ctx.protocol()} of a socket filter or tc program: skb->protocol, the frame's ether type in network order. */
    public int protocol() { return Short.reverseBytes((short) etherType()) & 0xffff; }

    /** The frame's ether type as eth_type_trans reads it: an 802.3 length is raw IPX when the payload starts with 0xffff, else 802.2 LLC. */
    public int etherType() {
        int type = (buffer[start + 12] & 0xff) << 8 | buffer[start + 13] & 0xff;
        if (type >= 0x600) return type;
        return end - start >= ETH_HLEN + 2 && buffer[start + 14] == (byte) 0xff && buffer[start + 15] == (byte) 0xff ? 0x0001 : 0x0004;
    }

    /**
     * Whether BPF_PROG_TEST_RUN refuses to run a tc or socket program on {@code packet} (EINVAL): a frame whose ether
     * type is IPv4 or IPv6 too short to hold that header.
     */
    public static boolean testRunRefuses(Kind kind, byte[] packet) {
        if (kind == Kind.XDP) return false;
        int type = (packet[12] & 0xff) << 8 | packet[13] & 0xff;
        return type == 0x0800 && packet.length < ETH_HLEN + 20 || type == 0x86dd && packet.length < ETH_HLEN + 40;
    }

    /** {@code ctx.header(offset, T.class)} as the offset of the view, or -1 where the probe's reads as null. */
    public int header(int offset, int size) {
        return offset < 0 || (long) offset + size > 65535 || (long) offset + size > length() ? -1 : offset;
    }

    /** {@code ctx.load(offset, T.class)}: a copy of {@code size} bytes, or null past the end (or the offset's limit). */
    public byte[] load(int offset, int size) {
        if (offset < 0 || offset > 0xffff || (long) offset + size > length()) return null;
        return Arrays.copyOfRange(buffer, base() + offset, base() + offset + size);
    }

    /** {@code ctx.store(offset, header, flags)}: 0, or the kernel's errno for bad flags and writes past the end. */
    public int store(int offset, byte[] header, int flags) {
        if ((flags & ~3) != 0) return EINVAL;
        if (offset < 0 || offset > 0xffff || (long) offset + header.length > length()) return EFAULT;
        System.arraycopy(header, 0, buffer, base() + offset, header.length);
        return 0;
    }

    public byte i8(int offset) { return buffer[base() + offset]; }
    public short i16(int offset) { return i16(buffer, base() + offset); }
    public int i32(int offset) { return i32(buffer, base() + offset); }
    public void put8(int offset, byte v) { buffer[base() + offset] = v; }
    public void put16(int offset, short v) { put16(buffer, base() + offset, v); }
    public void put32(int offset, int v) { put32(buffer, base() + offset, v); }

    public static byte i8(byte[] b, int at) { return b[at]; }
    public static short i16(byte[] b, int at) { return (short) (b[at] & 0xff | b[at + 1] << 8); }
    public static int i32(byte[] b, int at) { return i16(b, at) & 0xffff | i16(b, at + 2) << 16; }
    public static void put8(byte[] b, int at, byte v) { b[at] = v; }
    public static void put16(byte[] b, int at, short v) { b[at] = (byte) v; b[at + 1] = (byte) (v >> 8); }
    public static void put32(byte[] b, int at, int v) { put16(b, at, (short) v); put16(b, at + 2, (short) (v >>> 16)); }

    /** {@code ctx.adjustHead(delta)}: the front moves by delta; at least 14 bytes stay, the head stays out of the frame. */
    public int adjustHead(int delta) {
        long to = (long) start + delta;
        if (to < FRAME || to > end - ETH_HLEN) return EINVAL;
        start = (int) to;
        return 0;
    }

    /** {@code ctx.adjustTail(delta)}: the end moves by delta; at least 14 bytes stay, and grown bytes are zero. */
    public int adjustTail(int delta) {
        long to = (long) end + delta;
        if (to > buffer.length || to < start + ETH_HLEN) return EINVAL;
        if (to > end) Arrays.fill(buffer, end, (int) to, (byte) 0);
        end = (int) to;
        return 0;
    }

    /** {@code ctx.l3CsumReplace(offset, from, to, size)}: bpf_l3_csum_replace. */
    public int l3CsumReplace(int offset, long from, long to, int size) {
        if ((size & ~0xf) != 0) return EINVAL;
        if (offset < 0 || offset > 0xffff || (offset & 1) != 0 || (long) offset + 2 > length()) return EFAULT;
        int at = base() + offset, sum = i16(buffer, at) & 0xffff;
        switch (size) {
            case 0 -> {
                if (from != 0) return EINVAL;
                sum = fold(add(~sum, (int) to));
            }
            case 2 -> {
                // csum_replace2: 16-bit ones' complement arithmetic with end-around carry
                int x = add16(add16(~sum & 0xffff, ~(int) from & 0xffff), (int) to & 0xffff);
                sum = ~x & 0xffff;
            }
            case 4 -> sum = fold(add(add(~sum, ~(int) from), (int) to));
            default -> { return EINVAL; }
        }
        put16(buffer, at, (short) sum);
        return 0;
    }

    /** {@code ctx.l4CsumReplace(offset, from, to, flags)}: bpf_l4_csum_replace on an skb without a partial checksum. */
    public int l4CsumReplace(int offset, long from, long to, int flags) {
        final int pseudo = 0x10, mangled0 = 0x20, enforce = 0x40, ipv6 = 0x80;
        if ((flags & ~(mangled0 | enforce | pseudo | 0xf | ipv6)) != 0) return EINVAL;
        if (offset < 0 || offset > 0xffff || (offset & 1) != 0 || (long) offset + 2 > length()) return EFAULT;
        int at = base() + offset, sum = i16(buffer, at) & 0xffff;
        boolean markZero = (flags & mangled0) != 0;
        if (markZero && (flags & enforce) == 0 && sum == 0) return 0;
        switch (flags & 0xf) {
            case 0 -> {
                if (from != 0) return EINVAL;
                sum = fold(add(~sum, (int) to));
            }
            case 2 -> sum = fold(add(add(~sum, ~(int) (from & 0xffff)), (int) (to & 0xffff)));
            case 4 -> sum = fold(add(add(~sum, ~(int) from), (int) to));
            default -> { return EINVAL; }
        }
        if (markZero && sum == 0) sum = 0xffff;
        put16(buffer, at, (short) sum);
        return 0;
    }

    /** csum_add: 32-bit ones' complement addition. */
    private static int add(int a, int b) {
        int r = a + b;
        return r + (Integer.compareUnsigned(r, b) < 0 ? 1 : 0);
    }

    private static int add16(int a, int b) {
        int r = (a + b) & 0xffff;
        return r + (r < b ? 1 : 0);
    }

    /** csum_fold: the 32-bit sum folded to 16 bits and complemented. */
    private static int fold(int sum) {
        long s = Integer.toUnsignedLong(sum);
        s = (s & 0xffff) + (s >>> 16);
        s = (s & 0xffff) + (s >>> 16);
        return (int) ~s & 0xffff;
    }
}
