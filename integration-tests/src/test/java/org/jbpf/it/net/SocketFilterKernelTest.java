package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.attach.Link;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link UdpSocketFilter} attached (SO_ATTACH_BPF) to a UDP socket on the loopback of a namespace the test creates:
 * real datagrams from three source ports, one of them blocked. The socket receives exactly the datagrams of the two
 * others, whole; the filter's copies of the headers give exact counts per source port, and a payload too short for
 * the 4-byte tag reads as null.
 */
class SocketFilterKernelTest {
    static final int PORT = 9200, OPEN = 9301, SHORT = 9302, BLOCKED = 9303;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void filtersAndCountsRealDatagrams(Backend backend) throws Exception {
        KernelCheck.require();
        String tag = Long.toString(ProcessHandle.current().pid() % 100000);
        try (NetNs ns = NetNs.create("jbpf-sock-" + tag);
             BPF bpf = BPF.load(backend.translate(UdpSocketFilter.class), UdpSocketFilter.class)) {
            ns.ip("link", "set", "lo", "up");
            bpf.map(UdpSocketFilter.blockedSourcePorts).put(BLOCKED, 1);
            List<Integer> received = ns.inside(() -> {
                try (DatagramChannel in = DatagramChannel.open(StandardProtocolFamily.INET)) {
                    in.bind(new InetSocketAddress("127.0.0.1", PORT));
                    in.configureBlocking(false);
                    try (Link link = bpf.program("filter").attachSocket(SocketFds.of(in))) {
                        send(OPEN, 8, 3);
                        send(SHORT, 2, 2);
                        send(BLOCKED, 8, 4);
                        try (DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET)) {
                            ch.bind(new InetSocketAddress("127.0.0.1", OPEN));
                            ch.send(ByteBuffer.wrap(MARKER), new InetSocketAddress("127.0.0.1", PORT));
                        }
                        return Datagrams.sizes(Datagrams.receiveThrough(in, MARKER));
                    }
                }
            });
            assertEquals(List.of(8, 8, 8, 2, 2), received, "payload sizes of the datagrams the socket got");
            BpfMap<Integer, Long> bySource = bpf.map(UdpSocketFilter.datagramsBySourcePort);
            assertEquals(List.of(Map.entry(OPEN, 4L), Map.entry(SHORT, 2L), Map.entry(BLOCKED, 4L)),
                    bySource.entries().stream().sorted(Map.Entry.comparingByKey()).toList());
            BpfMap<Integer, Long> counts = bpf.map(UdpSocketFilter.counts);
            assertEquals(4L, counts.get(UdpSocketFilter.DROPPED));
            assertEquals(2L, counts.get(UdpSocketFilter.SHORT));
            assertEquals(0L, counts.get(UdpSocketFilter.NOT_UDP));
        }
    }

    private static void send(int sourcePort, int payload, int count) throws Exception {
        try (DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET)) {
            ch.bind(new InetSocketAddress("127.0.0.1", sourcePort));
            for (int i = 0; i < count; i++) ch.send(ByteBuffer.allocate(payload), new InetSocketAddress("127.0.0.1", PORT));
        }
    }

    /** Sent last from the open port, with a payload the filter keeps: once it is here, all before it was filtered. */
    static final byte[] MARKER = "marker!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
}
