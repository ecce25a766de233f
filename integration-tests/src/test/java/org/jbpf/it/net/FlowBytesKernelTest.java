package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Map;
import java.util.TreeMap;
import org.jbpf.BPF;
import org.jbpf.examples.net.FlowBytes;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The example {@link FlowBytes} on the receiver's tc ingress of a veth pair: UDP datagrams of known sizes in three
 * flows (two source ports, two destination ports) are counted to the byte per 5-tuple (payload + 8 UDP + 20 IPv4 +
 * 14 Ethernet), and nothing else is counted.
 */
class FlowBytesKernelTest {
    static final int HEADERS = 8 + 20 + 14;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void countsBytesPerFlow(Backend backend) throws Exception {
        KernelCheck.require();
        try (VethPair veth = new VethPair();
             BPF bpf = BPF.load(backend.translate(FlowBytes.class), FlowBytes.class)) {
            veth.receiver.inside(() -> bpf.program("count").attachTc(veth.receiverIf));
            assertEquals(expected(), sendAndCount(veth, bpf));
        }
    }

    /** The three flows' byte counts, as {@code Flow.toString()} to bytes. */
    static Map<String, Long> expected() {
        Map<String, Long> m = new TreeMap<>();
        m.put("127.1.0.1:9401 > 127.1.0.2:9500 proto 17", 100L + 200 + 2 * HEADERS);
        m.put("127.1.0.1:9402 > 127.1.0.2:9500 proto 17", 3 * (50L + HEADERS));
        m.put("127.1.0.1:9401 > 127.1.0.2:9501 proto 17", 10L + HEADERS);
        return m;
    }

    /** Sends the three flows' datagrams from the sender's namespace and returns what the map counted. */
    static Map<String, Long> sendAndCount(VethPair veth, BPF bpf) throws Exception {
        try (DatagramChannel a = veth.receiver.inside(() -> bound(9500));
             DatagramChannel b = veth.receiver.inside(() -> bound(9501))) {
            veth.sender.inside(() -> {
                send(9401, 9500, 100, 200);
                send(9402, 9500, 50, 50, 50);
                send(9401, 9501, 10);
                return null;
            });
            assertEquals(5, XdpFirewallKernelTest.receive(a, 5));
            assertEquals(1, XdpFirewallKernelTest.receive(b, 1));
        }
        Map<String, Long> counted = new TreeMap<>();
        bpf.map(FlowBytes.bytesByFlow).forEach((flow, bytes) -> counted.put(flow.toString(), bytes));
        return counted;
    }

    private static void send(int sourcePort, int destinationPort, int... sizes) throws Exception {
        try (DatagramChannel ch = DatagramChannel.open()) {
            ch.bind(new InetSocketAddress(VethPair.SENDER_IP, sourcePort));
            for (int size : sizes) ch.send(ByteBuffer.allocate(size), new InetSocketAddress(VethPair.RECEIVER_IP, destinationPort));
        }
    }

    private static DatagramChannel bound(int port) throws Exception {
        DatagramChannel ch = DatagramChannel.open();
        ch.bind(new InetSocketAddress(VethPair.RECEIVER_IP, port));
        ch.configureBlocking(false);
        return ch;
    }
}
