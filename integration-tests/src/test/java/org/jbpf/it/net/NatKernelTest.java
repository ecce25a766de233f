package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.jbpf.BPF;
import org.jbpf.SkBuffContext;
import org.jbpf.XdpContext;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.loader.attach.XdpMode;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Destination NAT with checksum updates ({@link Nat}) on both backends. Under BPF_PROG_TEST_RUN, the xdp program's
 * incremental arithmetic and the tc program's l3/l4_csum_replace turn a datagram to the virtual address into the
 * frame Java builds for the backend from scratch, checksums computed over the whole header and pseudo-header; a
 * datagram without a UDP checksum (0) keeps it 0; other datagrams pass unchanged. On a veth pair, datagrams the
 * sender sends to the virtual address reach a socket bound to the backend's address and port in the receiver's
 * namespace, rewritten by each program on the receiver's end (the receiver's stack checks the IPv4 header checksum).
 */
class NatKernelTest {
    private static final int CLIENT = 0x7f010001, CLIENT_PORT = 40000;
    private static final byte[] PAYLOAD = "jbpf nat".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(Backend.class)
    void rewritesAddressAndPortWithChecksumsThatAFullRecomputeGives(Backend backend) throws Exception {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(Nat.class), Nat.class)) {
            for (String program : new String[] {"xdp", "tc"}) {
                LoadedProgram p = bpf.program(program);
                int pass = program.equals("xdp") ? XdpContext.XDP_PASS : SkBuffContext.TC_ACT_OK;
                byte[] in = frame(Nat.VIP, Nat.PORT, true), expected = frame(Nat.BACKEND, Nat.BACKEND_PORT, true);
                LoadedProgram.TestRun run = p.testRun(in, 1);
                assertEquals(pass, run.retval(), program);
                assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(run.dataOut()), program + ": the rewritten frame");
                assertArrayEquals(frame(Nat.BACKEND, Nat.BACKEND_PORT, false), p.testRun(frame(Nat.VIP, Nat.PORT, false), 1).dataOut(),
                        program + ": no UDP checksum stays none");
                byte[] other = frame(Nat.VIP, Nat.PORT + 1, true);
                assertArrayEquals(other, p.testRun(other, 1).dataOut(), program + ": another port passes unchanged");
            }
            assertEquals(4L, bpf.map(Nat.rewrites).get(0));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void datagramsToTheVirtualAddressReachTheBackendOverAVethPair(Backend backend) throws Exception {
        KernelCheck.require();
        for (String program : new String[] {"xdp", "tc"}) {
            try (VethPair veth = new VethPair();
                 BPF bpf = BPF.load(backend.translate(Nat.class), Nat.class)) {
                String vip = "127.1.0.9";
                veth.sender.ip("neigh", "replace", vip, "lladdr", VethPair.RECEIVER_MAC, "dev", veth.senderIf, "nud", "permanent");
                if (program.equals("xdp")) veth.receiver.inside(() -> bpf.program("xdp").attachXdp(veth.receiverIf, XdpMode.GENERIC));
                else veth.receiver.inside(() -> bpf.program("tc").attachTc(veth.receiverIf));
                DatagramChannel backendSocket = veth.receiver.inside(() -> DatagramChannel.open()
                        .bind(new InetSocketAddress(VethPair.RECEIVER_IP, Nat.BACKEND_PORT)));
                try (backendSocket) {
                    veth.sender.inside(() -> {
                        try (DatagramChannel ch = DatagramChannel.open()) {
                            for (int k = 0; k < 3; k++) ch.send(ByteBuffer.wrap(PAYLOAD), new InetSocketAddress(vip, Nat.PORT));
                        }
                        return null;
                    });
                    for (int k = 0; k < 3; k++) {
                        ByteBuffer got = ByteBuffer.allocate(64);
                        InetSocketAddress from = (InetSocketAddress) backendSocket.receive(got);
                        assertEquals(VethPair.SENDER_IP, from.getAddress().getHostAddress(), program);
                        assertEquals(new String(PAYLOAD, StandardCharsets.US_ASCII), new String(got.array(), 0, got.position(), StandardCharsets.US_ASCII));
                    }
                }
                BpfMap<Integer, Long> rewrites = bpf.map(Nat.rewrites);
                assertEquals(3L, rewrites.get(0), program + " rewrote each datagram");
            }
        }
    }

    /** Ethernet, IPv4 and UDP from the client to {@code address}:{@code port} with PAYLOAD, checksums computed whole. */
    static byte[] frame(int address, int port, boolean udpChecksum) {
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + 8 + PAYLOAD.length);
        b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 8 + PAYLOAD.length)).putShort((short) 0x1234).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 17).putShort((short) 0).putInt(CLIENT).putInt(address);
        b.putShort((short) CLIENT_PORT).putShort((short) port).putShort((short) (8 + PAYLOAD.length)).putShort((short) 0).put(PAYLOAD);
        byte[] f = b.array();
        b.putShort(24, (short) ~sum(f, 14, 20, 0));
        if (udpChecksum) {
            long pseudo = (CLIENT >>> 16) + (CLIENT & 0xffff) + (address >>> 16) + (address & 0xffff) + 17 + 8 + PAYLOAD.length;
            short udp = (short) ~sum(f, 34, 8 + PAYLOAD.length, pseudo);
            b.putShort(40, udp == 0 ? (short) 0xffff : udp);
        }
        return f;
    }

    /** The ones' complement sum of {@code length} bytes at {@code from}, plus {@code start}, folded to 16 bits. */
    private static int sum(byte[] f, int from, int length, long start) {
        long s = start;
        for (int k = 0; k < length; k += 2) s += (f[from + k] & 0xff) << 8 | (k + 1 < length ? f[from + k + 1] & 0xff : 0);
        while (s >>> 16 != 0) s = (s & 0xffff) + (s >>> 16);
        return (int) s;
    }
}
