package org.jbpf.it.semantics;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random packets for {@link RandomPackets} probes, as they travel: Ethernet with zero to three VLAN tags (802.1Q and
 * 802.1ad), IPv4 with options, a header length below 5 or a wrong version, IPv6 with chains of extension headers
 * (hop-by-hop, routing, fragment, destination options), then TCP with options or a data offset below 5, UDP, ICMP or
 * an unknown protocol, and a payload; fields random, ports and addresses sometimes the usual ones. Each is given whole
 * and cut short: at a header's boundary, one byte either side of it, and anywhere (never below the 14 bytes the
 * kernel runs a program on).
 */
final class RandomPacketInputs {
    private final Random random;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    /** Where each header of the packet being built starts. */
    private final List<Integer> boundaries = new ArrayList<>();

    private RandomPacketInputs(Random random) { this.random = random; }

    /** {@code whole} random packets of program {@code i}'s seed, each also cut short twice. */
    static List<byte[]> of(long seed, int whole) {
        RandomPacketInputs in = new RandomPacketInputs(new Random(seed));
        List<byte[]> packets = new ArrayList<>();
        for (int k = 0; k < whole; k++) {
            byte[] p = in.packet();
            packets.add(p);
            List<Integer> cuts = new ArrayList<>(in.boundaries);
            cuts.add(p.length - 1);
            for (int c = 0; c < 2; c++) {
                int cut = in.random.nextBoolean() ? cuts.get(in.random.nextInt(cuts.size())) + in.random.nextInt(3) - 1 : 14 + in.random.nextInt(p.length - 13);
                if (cut >= 14 && cut < p.length) packets.add(Arrays.copyOf(p, cut));
            }
        }
        return packets;
    }

    private byte[] packet() {
        bytes.reset();
        boundaries.clear();
        for (int k = 0; k < 12; k++) u8(random.nextInt(256));
        int tags = random.nextInt(5) < 3 ? 0 : 1 + random.nextInt(3);
        int l3 = random.nextInt(10);
        int type = l3 < 6 ? 0x0800 : l3 < 9 ? 0x86dd : pick(0x0806, random.nextInt(65536), 0x0600, 0x0042);
        for (int t = 0; t < tags; t++) {
            u16(t == 0 && random.nextBoolean() ? 0x88a8 : 0x8100);
            boundaries.add(bytes.size());
            u16(random.nextInt(65536));
        }
        u16(type);
        boundaries.add(bytes.size());
        int protocol = pick(6, 17, 1, 6, 17, random.nextInt(256));
        if (type == 0x0800) ipv4(protocol);
        else if (type == 0x86dd) protocol = ipv6(protocol == 1 ? 58 : protocol);
        else protocol = -1;
        boundaries.add(bytes.size());
        if (protocol == 6) tcp();
        else if (protocol == 17) udp();
        else if (protocol == 1 || protocol == 58) icmp();
        boundaries.add(bytes.size());
        for (int n = random.nextInt(25), k = 0; k < n; k++) u8(random.nextInt(256));
        return bytes.toByteArray();
    }

    private void ipv4(int protocol) {
        int ihl = random.nextInt(4) == 0 ? random.nextInt(16) : 5;
        int version = random.nextInt(10) == 0 ? random.nextInt(16) : 4;
        u8(version << 4 | ihl);
        u8(random.nextInt(256));
        u16(random.nextBoolean() ? 20 + random.nextInt(100) : random.nextInt(65536));
        u16(random.nextInt(65536));
        u16(pick(0, 0x4000, random.nextInt(65536)));
        u8(pick(64, 1, 0, 255, random.nextInt(256)));
        u8(protocol);
        u16(random.nextInt(65536));
        u32(pick(0x7f000001, 0x0a000001, 0xc0a80101, random.nextInt()));
        u32(pick(0x7f000002, 0x0a0000fe, 0xffffffff, random.nextInt()));
        for (int k = 5; k < Math.max(ihl, 5); k++) u32(random.nextInt());
    }

    /** An IPv6 header and zero to three extension headers; returns the protocol after them. */
    private int ipv6(int protocol) {
        u32((random.nextInt(10) == 0 ? random.nextInt(16) : 6) << 28 | random.nextInt(1 << 28));
        u16(random.nextInt(2000));
        int extensions = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0;
        int[] chain = new int[extensions];
        for (int k = 0; k < extensions; k++) chain[k] = pick(0, 43, 60, 44);
        u8(extensions > 0 ? chain[0] : protocol);
        u8(random.nextInt(256));
        for (int k = 0; k < 32; k++) u8(k == 15 || k == 31 ? 1 : random.nextInt(4) == 0 ? random.nextInt(256) : 0);
        for (int k = 0; k < extensions; k++) {
            boundaries.add(bytes.size());
            u8(k + 1 < extensions ? chain[k + 1] : protocol);
            int length = chain[k] == 44 ? 0 : random.nextInt(3);
            u8(chain[k] == 44 ? random.nextInt(256) : length);
            for (int b = 2; b < (length + 1) * 8; b++) u8(random.nextInt(256));
        }
        return protocol;
    }

    private void tcp() {
        u16(pick(80, 443, 22, random.nextInt(65536)));
        u16(pick(80, 443, 9100, random.nextInt(65536)));
        u32(random.nextInt());
        u32(random.nextInt());
        int dataOffset = random.nextInt(4) == 0 ? random.nextInt(16) : 5;
        u8(dataOffset << 4 | random.nextInt(16));
        u8(random.nextInt(256));
        u16(random.nextInt(65536));
        u16(random.nextInt(65536));
        u16(random.nextInt(65536));
        if (dataOffset > 5 && random.nextBoolean()) options((dataOffset - 5) * 4);
        else for (int k = 5; k < dataOffset; k++) u32(random.nextInt());
    }

    /**
     * {@code n} bytes of TCP options as senders write them (NOP, MSS, window scale, SACK permitted, timestamps), an
     * end-of-options byte or a length below 2 now and then, padded with zeros.
     */
    private void options(int n) {
        int left = n;
        while (left > 0) {
            int[] option = switch (random.nextInt(8)) {
                case 0 -> new int[] {1};
                case 1 -> new int[] {2, 4, 0x05, 0xb4};
                case 2 -> new int[] {3, 3, random.nextInt(15)};
                case 3 -> new int[] {4, 2};
                case 4 -> new int[] {8, 10, random.nextInt(256), 0, 0, 1, 0, 0, 0, random.nextInt(256)};
                case 5 -> new int[] {0};
                case 6 -> new int[] {random.nextInt(256), random.nextInt(3)};
                default -> new int[] {1, 1};
            };
            for (int k = 0; k < option.length && left > 0; k++, left--) u8(option[k]);
        }
    }

    private void udp() {
        u16(pick(53, 40000, random.nextInt(65536)));
        u16(pick(53, 9100, 0, random.nextInt(65536)));
        u16(random.nextInt(65536));
        u16(pick(0, 0xffff, random.nextInt(65536)));
    }

    private void icmp() {
        u8(pick(8, 0, 128, 129, random.nextInt(256)));
        u8(random.nextInt(256));
        u16(random.nextInt(65536));
        u32(random.nextInt());
    }

    private int pick(int... options) { return options[random.nextInt(options.length)]; }

    private void u8(int v) { bytes.write(v); }

    private void u16(int v) {
        u8(v >>> 8 & 0xff);
        u8(v & 0xff);
    }

    private void u32(int v) {
        u16(v >>> 16);
        u16(v & 0xffff);
    }
}
