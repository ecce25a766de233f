package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.examples.net.EgressBytes;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.api.Test;

/**
 * The example {@link EgressBytes} on a tcx egress link of the sender's end of a veth pair: UDP datagrams of known
 * sizes to two destinations are counted to the byte (payload + 8 UDP + 20 IPv4 + 14 Ethernet).
 */
class TcEgressKernelTest {
    static final String OTHER_IP = "127.1.0.3";

    @Test
    void countsBytesPerDestination() throws Exception {
        KernelCheck.require();
        try (VethPair veth = new VethPair();
             BPF bpf = BPF.load(Backend.DIRECT.translate(EgressBytes.class), EgressBytes.class)) {
            // a second destination behind the same link (nobody answers there: only egress matters)
            veth.sender.ip("neigh", "replace", OTHER_IP, "lladdr", VethPair.RECEIVER_MAC, "dev", veth.senderIf, "nud", "permanent");
            veth.sender.inside(() -> bpf.program("count").attachTc(veth.senderIf));
            veth.sender.inside(() -> {
                try (DatagramChannel ch = DatagramChannel.open()) {
                    for (int size : new int[] {100, 200, 300})
                        ch.send(ByteBuffer.allocate(size), new InetSocketAddress(VethPair.RECEIVER_IP, 9000));
                    for (int size : new int[] {50, 50})
                        ch.send(ByteBuffer.allocate(size), new InetSocketAddress(OTHER_IP, 9000));
                }
                return null;
            });
            BpfMap<Integer, Long> bytes = bpf.map(EgressBytes.bytesByDestination);
            long toReceiver = 100 + 200 + 300 + 3 * 42, toOther = 50 + 50 + 2 * 42;
            assertEquals(List.of(Map.entry(0x7f010002, toReceiver), Map.entry(0x7f010003, toOther)),
                    bytes.entries().stream().sorted(Map.Entry.comparingByKey()).toList());
        }
    }
}
