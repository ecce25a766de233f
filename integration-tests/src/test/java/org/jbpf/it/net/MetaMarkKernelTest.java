package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import org.jbpf.BPF;
import org.jbpf.XdpContext;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.loader.attach.XdpMode;
import org.jbpf.net.Net;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * XDP metadata ({@link MetaMark}) on both backends. Under BPF_PROG_TEST_RUN the xdp program's output starts with the
 * 8-byte area it made (the tag, then the frame's length), followed by the frame unchanged; the verifier simulation
 * accepts both programs (it learns the area's bound from the compare with data, as the kernel does); a tc program run alone
 * finds no area. On a veth pair, with the xdp program and the tc program on the receiver's end, every datagram the
 * sender sends reaches tc with the tag and the length xdp saw.
 */
class MetaMarkKernelTest {
    private static final int DATAGRAMS = 5, PAYLOAD = 100, FRAME = PAYLOAD + 8 + 20 + 14;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void xdpLeavesMetadataThatTcReadsOnTheSamePacket(Backend backend) throws Exception {
        KernelCheck.require();
        org.jbpf.core.obj.BpfObject object = backend.translate(MetaMark.class);
        assertEquals("[mark: accepted, read: accepted]", org.jbpf.sim.Verifier.verifyAll(object).toString().replaceAll(" \\(\\d+ insns processed\\)", ""),
                "the verifier simulation learns the metadata area's bound from data_meta + 8 <= data");
        try (VethPair veth = new VethPair();
             BPF bpf = BPF.load(object, MetaMark.class)) {
            byte[] frame = Packets.ethernet(Net.ETH_P_IP).ipv4(17, 0x7f000001, 0x7f000002, 5).udp(4000, 53).bytes();
            LoadedProgram.TestRun run = bpf.program("mark").testRun(frame, 1);
            assertEquals(XdpContext.XDP_PASS, run.retval());
            ByteBuffer meta = ByteBuffer.wrap(run.dataOut()).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(frame.length + 8, run.dataOut().length, "the metadata area comes out in front of the frame");
            assertEquals(MetaMark.TAG, meta.getInt(0));
            assertEquals(frame.length, meta.getInt(4));
            assertArrayEquals(frame, Arrays.copyOfRange(run.dataOut(), 8, run.dataOut().length));
            BpfMap<Integer, Long> seen = bpf.map(MetaMark.seen);
            bpf.program("read").testRun(frame, 1);
            assertEquals(1L, seen.get(0), "a tc run alone has no metadata");

            veth.receiver.inside(() -> bpf.program("mark").attachXdp(veth.receiverIf, XdpMode.GENERIC));
            veth.receiver.inside(() -> bpf.program("read").attachTc(veth.receiverIf));
            veth.sender.inside(() -> {
                try (DatagramChannel ch = DatagramChannel.open()) {
                    for (int k = 0; k < DATAGRAMS; k++) ch.send(ByteBuffer.allocate(PAYLOAD), new InetSocketAddress(VethPair.RECEIVER_IP, 9000));
                }
                return null;
            });
            assertEquals(1L, seen.get(0), "every datagram came with its metadata");
            assertEquals(DATAGRAMS, seen.get(1));
            assertEquals(FRAME, seen.get(2), "the length xdp wrote");
            assertEquals(FRAME, seen.get(3), "the length tc saw");
        }
    }
}
