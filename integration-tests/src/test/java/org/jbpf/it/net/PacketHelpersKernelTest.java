package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.net.Net;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The packet helpers in the kernel, both backends: the bytes BPF_PROG_TEST_RUN gives back after xdp_adjust_head and
 * xdp_adjust_tail, the verdicts of bpf_redirect_map and bpf_redirect, and a tc port rewrite (skb_load_bytes,
 * skb_store_bytes, l4_csum_replace) whose output has a valid UDP checksum only when the checksum is fixed.
 */
class PacketHelpersKernelTest {
    static final int XDP_PASS = 2, XDP_REDIRECT = 4, LOOPBACK_INDEX = 1;

    static byte[] udpPacket(int destinationPort) {
        byte[] p = Packets.ethernet(Net.ETH_P_IP).ipv4(17, 0x7f010001, 0x7f010002, 5).udp(40000, destinationPort).payload(5).bytes();
        ByteBuffer b = ByteBuffer.wrap(p);
        b.putShort(14 + 2, (short) (20 + 8 + 5));
        b.putShort(34 + 4, (short) (8 + 5));
        b.putShort(34 + 6, (short) udpChecksum(p));
        return p;
    }

    /** The UDP checksum of an IPv4 packet at 14 + 20 as it should be stored (0 stored as 0xffff). */
    static int udpChecksum(byte[] p) {
        ByteBuffer b = ByteBuffer.wrap(p);
        int udpLength = b.getShort(34 + 4) & 0xffff;
        long sum = (b.getShort(26) & 0xffff) + (b.getShort(28) & 0xffff) + (b.getShort(30) & 0xffff) + (b.getShort(32) & 0xffff)
                + 17 + udpLength;
        for (int i = 0; i < udpLength; i += 2) {
            if (i == 6) continue;
            int hi = p[34 + i] & 0xff, lo = i + 1 < udpLength ? p[34 + i + 1] & 0xff : 0;
            sum += hi << 8 | lo;
        }
        while (sum >>> 16 != 0) sum = (sum & 0xffff) + (sum >>> 16);
        int c = (int) ~sum & 0xffff;
        return c == 0 ? 0xffff : c;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void adjustHeadAndTailReshapeThePacket(Backend backend) {
        KernelCheck.require();
        byte[] in = udpPacket(53);
        try (BPF bpf = BPF.load(backend.translate(XdpReshape.class), XdpReshape.class)) {
            LoadedProgram.TestRun strip = bpf.program("strip").testRun(in, 1);
            assertEquals(XDP_PASS, strip.retval());
            assertArrayEquals(Arrays.copyOfRange(in, 14, in.length), strip.dataOut(), "Ethernet header stripped");

            LoadedProgram.TestRun push = bpf.program("push").testRun(in, 1);
            assertEquals(XDP_PASS, push.retval());
            byte[] pushed = ByteBuffer.allocate(in.length + 4).putInt(XdpReshape.TAG).put(in).array();
            assertArrayEquals(pushed, push.dataOut(), "4-byte tag in front");

            LoadedProgram.TestRun trim = bpf.program("trim").testRun(in, 1);
            assertEquals(XDP_PASS, trim.retval());
            assertArrayEquals(Arrays.copyOf(in, in.length - 4), trim.dataOut(), "4 bytes trimmed");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void redirectVerdictsFollowTheMaps(Backend backend) {
        KernelCheck.require();
        byte[] in = udpPacket(53);
        try (BPF bpf = BPF.load(backend.translate(XdpReshape.class), XdpReshape.class)) {
            assertEquals(XDP_PASS, bpf.program("redirectSlot").testRun(in, 1).retval(), "empty slot: the flags' fallback action");
            bpf.map(XdpReshape.devices).put(0, LOOPBACK_INDEX);
            assertEquals(LOOPBACK_INDEX, bpf.map(XdpReshape.devices).get(0));
            assertEquals(XDP_REDIRECT, bpf.program("redirectSlot").testRun(in, 1).retval(), "slot 0 holds lo");
            assertEquals(true, bpf.map(XdpReshape.devices).remove(0));
            assertEquals(XDP_PASS, bpf.program("redirectSlot").testRun(in, 1).retval(), "slot emptied again");

            assertEquals(0, bpf.program("redirectIndex").testRun(in, 1).retval(), "no index yet: XDP_ABORTED");
            bpf.map(XdpReshape.target).put(0, LOOPBACK_INDEX);
            assertEquals(XDP_REDIRECT, bpf.program("redirectIndex").testRun(in, 1).retval());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void portRewriteKeepsTheUdpChecksumValid(Backend backend) {
        KernelCheck.require();
        byte[] in = udpPacket(PortRewrite.FROM_PORT);
        assertEquals(udpChecksum(in), ByteBuffer.wrap(in).getShort(34 + 6) & 0xffff);
        try (BPF bpf = BPF.load(backend.translate(PortRewrite.class), PortRewrite.class)) {
            for (String program : new String[] {"fix", "noFix"}) {
                LoadedProgram.TestRun run = bpf.program(program).testRun(in, 1);
                assertEquals(0, run.retval(), program + ": TC_ACT_OK");
                byte[] out = run.dataOut();
                ByteBuffer b = ByteBuffer.wrap(out);
                assertEquals(PortRewrite.TO_PORT, b.getShort(34 + 2) & 0xffff, program + ": destination port rewritten");
                byte[] expected = in.clone();
                expected[34 + 2] = (byte) (PortRewrite.TO_PORT >>> 8);
                expected[34 + 3] = (byte) PortRewrite.TO_PORT;
                int stored = b.getShort(34 + 6) & 0xffff;
                if (program.equals("fix")) {
                    assertEquals(udpChecksum(out), stored, "checksum valid after the rewrite");
                    ByteBuffer.wrap(expected).putShort(34 + 6, (short) stored);
                    assertArrayEquals(expected, out, "only the port and the checksum changed");
                } else {
                    assertNotEquals(udpChecksum(out), stored, "without l4CsumReplace the checksum is stale");
                    assertArrayEquals(expected, out, "only the port changed");
                }
            }
            assertEquals(2L, bpf.map(PortRewrite.rewritten).get(0));
            // another port passes untouched
            byte[] other = udpPacket(53);
            assertArrayEquals(other, bpf.program("fix").testRun(other, 1).dataOut());
        }
    }

    /** Real datagrams to FROM_PORT leave the sender's veth as datagrams to TO_PORT, and the receiver gets them there. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void rewrittenDatagramsArriveAtTheNewPort(Backend backend) throws Exception {
        KernelCheck.require();
        try (VethPair veth = new VethPair();
             BPF bpf = BPF.load(backend.translate(PortRewrite.class), PortRewrite.class)) {
            veth.sender.inside(() -> bpf.program("fix").attachTc(veth.senderIf));
            try (DatagramChannel to = veth.receiver.inside(() -> bound(PortRewrite.TO_PORT));
                 DatagramChannel from = veth.receiver.inside(() -> bound(PortRewrite.FROM_PORT))) {
                veth.sender.inside(() -> {
                    try (DatagramChannel ch = DatagramChannel.open()) {
                        for (int i = 0; i < 4; i++)
                            ch.send(ByteBuffer.wrap(("datagram " + i).getBytes()), new InetSocketAddress(VethPair.RECEIVER_IP, PortRewrite.FROM_PORT));
                    }
                    return null;
                });
                assertEquals(4, Datagrams.receive(to, 4).size());
                assertEquals(0, Datagrams.queued(from).size(), "all four were rewritten: none is left for the old port");
                assertEquals(4L, bpf.map(PortRewrite.rewritten).get(0));
            }
        }
    }

    private static DatagramChannel bound(int port) throws Exception {
        DatagramChannel ch = DatagramChannel.open();
        ch.bind(new InetSocketAddress(VethPair.RECEIVER_IP, port));
        ch.configureBlocking(false);
        return ch;
    }
}
