package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.StandardProtocolFamily;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import org.jbpf.BPF;
import org.jbpf.XdpContext;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.net.Net;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An XSKMAP redirect ({@link XdpSocketSteer}) on both backends, under BPF_PROG_TEST_RUN on queue 0: with the slot
 * empty the frame takes the fallback XDP_PASS; the kernel refuses a UDP socket's descriptor in the slot; once an
 * AF_XDP socket bound to queue 0 of the loopback interface ({@link XdpSockets}) is in it, the frame is redirected
 * (XDP_REDIRECT), and after Java deletes it again it passes. The program's own count of verdicts says the same.
 */
class XskMapRedirectKernelTest {
    private static final int LOOPBACK = 1;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void framesGoToTheAfXdpSocketOfTheirQueueOnceJavaPutsOneThere(Backend backend) throws Exception {
        KernelCheck.require();
        byte[] frame = Packets.ethernet(Net.ETH_P_IP).ipv4(17, 0x7f000001, 0x7f000002, 5).udp(4000, 53).bytes();
        try (BPF bpf = BPF.load(backend.translate(XdpSocketSteer.class), XdpSocketSteer.class);
             DatagramChannel udp = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress("127.0.0.1", 0))) {
            BpfMap<Integer, Integer> sockets = bpf.map(XdpSocketSteer.sockets);
            BpfMap<Integer, Long> verdicts = bpf.map(XdpSocketSteer.verdicts);
            LoadedProgram steer = bpf.program("steer");
            assertEquals(XdpContext.XDP_PASS, steer.testRun(frame, 1).retval(), "no socket in queue 0's slot");
            int udpFd = SocketFds.of(udp);
            RuntimeException refused = assertThrows(RuntimeException.class, () -> sockets.put(0, udpFd));
            assertEquals("BPF_MAP_UPDATE_ELEM of map \"sockets\" failed: EOPNOTSUPP: an xskmap slot takes the descriptor of an AF_XDP socket "
                    + "bound to a queue of an interface, with a UMEM and a receive ring; this descriptor is not one", refused.getMessage());
            try (XdpSockets xsk = XdpSockets.bind(LOOPBACK, 0)) {
                sockets.put(0, xsk.fd);
                assertEquals(XdpContext.XDP_REDIRECT, steer.testRun(frame, 1).retval(), "an AF_XDP socket in queue 0's slot");
                sockets.remove(0);
                assertEquals(XdpContext.XDP_PASS, steer.testRun(frame, 1).retval(), "the socket deleted from the slot");
            }
            assertEquals(2L, verdicts.get(XdpContext.XDP_PASS));
            assertEquals(1L, verdicts.get(XdpContext.XDP_REDIRECT));
        }
    }
}
