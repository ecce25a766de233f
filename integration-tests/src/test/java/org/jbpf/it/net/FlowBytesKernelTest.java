package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jbpf.BPF;
import org.jbpf.examples.net.FlowBytes;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.attach.Link;
import org.jbpf.loader.attach.TcMode;
import org.jbpf.loader.sys.BpfException;
import org.junit.jupiter.api.Test;
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

    /**
     * The same counts with the program attached as a cls_bpf filter on a clsact qdisc through netlink (the path for
     * kernels without tcx): {@code tc} shows the filter and qdisc while attached, and after the link closes both are
     * gone and new datagrams are not counted.
     */
    @Test
    void countsBytesPerFlowThroughNetlinkClsact() throws Exception {
        KernelCheck.require();
        try (VethPair veth = new VethPair();
             BPF bpf = BPF.load(Backend.DIRECT.translate(FlowBytes.class), FlowBytes.class)) {
            Link link = veth.receiver.inside(() -> bpf.program("count").attachTc(veth.receiverIf, TcMode.NETLINK));
            String filters = tc(veth.receiver, "filter", "show", "dev", veth.receiverIf, "ingress");
            assertTrue(filters.contains("bpf") && filters.contains("count") && filters.contains("direct-action"), filters);
            assertTrue(tc(veth.receiver, "qdisc", "show", "dev", veth.receiverIf).contains("clsact"));
            assertEquals(expected(), sendAndCount(veth, bpf));
            link.close();
            assertEquals("", tc(veth.receiver, "filter", "show", "dev", veth.receiverIf, "ingress"));
            assertFalse(tc(veth.receiver, "qdisc", "show", "dev", veth.receiverIf).contains("clsact"));
            assertEquals(expected(), sendAndCount(veth, bpf), "detached: nothing more counted");
            BpfException e = assertThrows(BpfException.class,
                    () -> veth.receiver.inside(() -> bpf.program("count").attachTc(999999, true, TcMode.NETLINK)));
            assertEquals("adding a clsact qdisc for program \"count\" (tc/ingress) as tc ingress on interface index 999999 (netlink clsact)"
                    + " failed: ENODEV: no such device", e.getMessage());
        }
    }

    private static String tc(NetNs ns, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns.name, "tc"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
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
            assertEquals(5, Datagrams.receive(a, 5).size());
            assertEquals(1, Datagrams.receive(b, 1).size());
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
