package org.jbpf.it.newuser;

import static org.jbpf.it.newuser.Frames.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.XdpContext;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.net.Datagrams;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.net.NetNs;
import org.jbpf.it.net.SocketFds;
import org.jbpf.it.net.VethPair;
import org.jbpf.loader.LoadedProgram.TestRun;
import org.jbpf.loader.attach.Link;
import org.jbpf.loader.attach.XdpMode;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Packet probes as users write them next: XDP parsers of IPv6, TCP flags, VLAN tags, ICMP (answered in place), UDP
 * payload bytes behind IPv4 options, run with BPF_PROG_TEST_RUN on packets built here; a socket filter that truncates,
 * on real datagrams; an XDP filter on a veth pair between two namespaces the test makes. Both backends, each object
 * accepted by the verifier simulation first, every verdict and count exact.
 */
class PacketProbesKernelTest {
    static final int CLIENT = 0x0a000001, SERVER = 0x0a000002;

    static BPF load(Backend backend, Class<?> probe) {
        BpfObject object = backend.translate(probe);
        for (VerifierResult r : Verifier.verifyAll(object)) assertTrue(r.ok(), probe.getSimpleName() + ": " + r);
        KernelCheck.require();
        return BPF.load(object, probe);
    }

    static int run(BPF bpf, String program, byte[] packet) { return bpf.program(program).testRun(packet, 1).retval(); }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void ipv6DatagramsAreCountedAndBlocked(Backend backend) {
        try (BPF bpf = load(backend, Ipv6Ports.class)) {
            bpf.map(Ipv6Ports.blocked).put(5353, 1);
            byte[] global = address6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1), local = address6(0xfe80, 0, 0, 0, 0, 0, 0, 7);
            byte[] dns = ethernet(ETH_P_IPV6, ipv6(17, global, global, udp(40000, 53, new byte[12])));
            byte[] mdns = ethernet(ETH_P_IPV6, ipv6(17, local, global, udp(5353, 5353, new byte[4])));
            byte[] tcp = ethernet(ETH_P_IPV6, ipv6(6, local, global, Frames.tcp(1, 2, 2)));
            byte[] cut = Arrays.copyOf(dns, 14 + 40 + 4);
            for (int i = 0; i < 3; i++) assertEquals(XdpContext.XDP_PASS, run(bpf, "filter", dns));
            for (int i = 0; i < 2; i++) assertEquals(XdpContext.XDP_DROP, run(bpf, "filter", mdns));
            assertEquals(XdpContext.XDP_PASS, run(bpf, "filter", tcp));
            assertEquals(XdpContext.XDP_DROP, run(bpf, "filter", cut), "too short for its UDP header");
            assertEquals(XdpContext.XDP_PASS, run(bpf, "filter", ethernet(ETH_P_IP, new byte[40])));
            BpfMap<Integer, Long> byPort = bpf.map(Ipv6Ports.byPort);
            assertEquals(Map.of(53, 3L, 5353, 2L), KernelDataProbesKernelTest.toMap(byPort));
            assertEquals(3L, bpf.global("linkLocal").getLong());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void synsAreCountedAndTheClosedPortDropped(Backend backend) {
        BpfObject object = backend.translate(SynGuard.class);
        KernelCheck.require();
        try (BPF bpf = BPF.builder(object, SynGuard.class).constant("closedPort", 23).load()) {
            byte[] options = {1, 1, 1, 0};   // two NOPs, an end of options, padding: IHL 6
            int[][] sent = {{80, 0x02, 5}, {80, 0x12, 2}, {23, 0x02, 3}, {443, 0x02, 1}, {80, 0x04, 2}, {80, 0x10, 4}};
            for (int[] s : sent) {
                for (int i = 0; i < s[2]; i++) {
                    byte[] frame = ethernet(ETH_P_IP, ipv4(6, CLIENT, SERVER, i % 2 == 0 ? new byte[0] : options, tcp(50000, s[0], s[1])));
                    int expected = s[0] == 23 && s[1] == 0x02 ? XdpContext.XDP_DROP : XdpContext.XDP_PASS;
                    assertEquals(expected, run(bpf, "guard", frame), "port " + s[0] + " flags " + s[1]);
                }
            }
            assertEquals(Map.of(80, 5L, 23, 3L, 443, 1L), KernelDataProbesKernelTest.toMap(bpf.map(SynGuard.attempts)));
            assertEquals(2L, bpf.global("resets").getLong());
            assertEquals(6L, bpf.global("other").getLong(), "SYN+ACK and plain ACK");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void vlanTrafficIsCountedPerId(Backend backend) {
        try (BPF bpf = load(backend, VlanCounter.class)) {
            byte[] ip = ipv4(17, CLIENT, SERVER, new byte[0], udp(1, 2, new byte[10]));
            byte[] v7 = vlan(7, ETH_P_IP, ip), v42 = vlan(42, ETH_P_IP, ipv4(1, CLIENT, SERVER, new byte[0], icmpEcho(8, 1, 1, new byte[0])));
            byte[] v7arp = vlan(7, 0x0806, new byte[28]);
            for (int i = 0; i < 4; i++) assertEquals(XdpContext.XDP_PASS, run(bpf, "count", v7));
            assertEquals(XdpContext.XDP_PASS, run(bpf, "count", v7arp));
            for (int i = 0; i < 3; i++) assertEquals(XdpContext.XDP_DROP, run(bpf, "count", v42));
            assertEquals(XdpContext.XDP_PASS, run(bpf, "count", ethernet(ETH_P_IP, ip)));
            assertEquals(XdpContext.XDP_DROP, run(bpf, "count", ethernet(0x0806, new byte[28])));
            BpfMap<Integer, VlanCounter.Traffic> byVlan = bpf.map(VlanCounter.byVlan);
            VlanCounter.Traffic seven = byVlan.getAggregated(7), fortyTwo = byVlan.getAggregated(42);
            assertEquals(5L, seven.packets);
            assertEquals(4L * v7.length + v7arp.length, seven.bytes);
            assertEquals(17, seven.lastProtocol, "the ARP frame has no IPv4 header to read");
            assertEquals(List.of(3L, 3L * v42.length, 1), List.of(fortyTwo.packets, fortyTwo.bytes, fortyTwo.lastProtocol));
            assertEquals(2, byVlan.size());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void echoRequestsAreAnsweredInPlace(Backend backend) {
        try (BPF bpf = load(backend, EchoReply.class)) {
            byte[] data = "jbpf ping payload".getBytes(StandardCharsets.US_ASCII);
            byte[] request = ethernet(ETH_P_IP, ipv4(1, CLIENT, SERVER, new byte[0], icmpEcho(8, 0x4242, 7, data)));
            TestRun r = bpf.program("answer").testRun(request, 1);
            assertEquals(XdpContext.XDP_TX, r.retval());
            byte[] expected = new byte[request.length];
            System.arraycopy(SOURCE_MAC, 0, expected, 0, 6);
            System.arraycopy(DESTINATION_MAC, 0, expected, 6, 6);
            byte[] reply = ipv4(1, SERVER, CLIENT, new byte[0], icmpEcho(0, 0x4242, 7, data));
            System.arraycopy(request, 12, expected, 12, 2);
            System.arraycopy(reply, 0, expected, 14, reply.length);
            assertArrayEquals(expected, r.dataOut(), "addresses swapped, echo reply with a correct checksum");
            assertEquals(0, checksum(r.dataOut(), 34, 8 + data.length));
            byte[] reply2 = ethernet(ETH_P_IP, reply);
            assertEquals(XdpContext.XDP_PASS, run(bpf, "answer", reply2), "a reply is not answered");
            assertEquals(XdpContext.XDP_PASS, run(bpf, "answer", ethernet(ETH_P_IP, ipv4(1, CLIENT, SERVER, new byte[4], icmpEcho(8, 1, 1, data)))));
            assertEquals(1L, bpf.global("answered").getLong());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void payloadBytesAreSummedBehindOptions(Backend backend) {
        try (BPF bpf = load(backend, PayloadSums.class)) {
            BpfMap<Integer, Long> result = bpf.map(PayloadSums.result);
            byte[][] payloads = {"hello, kernel!\0x".getBytes(StandardCharsets.ISO_8859_1), {1, 2, (byte) 200, 'A', 'B'},
                    "0123456789abcdefXYZ".getBytes(StandardCharsets.ISO_8859_1), {'a', 'b', 0, 'c'}};
            byte[][] options = {new byte[0], {1, 1, 1, 1}, {7, 7, 4, 0, 0, 0, 0, 0}};
            int runs = 0;
            for (byte[] payload : payloads) {
                for (byte[] opts : options) {
                    byte[] frame = ethernet(ETH_P_IP, ipv4(17, CLIENT, SERVER, opts, udp(9, 9, payload)));
                    assertEquals(XdpContext.XDP_PASS, run(bpf, "sum", frame));
                    int n = payload.length >= 16 ? 16 : 4;
                    long sum = 0, printable = 0, zero = -1;
                    for (int i = 0; i < n; i++) {
                        int b = payload[i] & 0xff;
                        sum += b;
                        if (b >= 0x20 && b < 0x7f) printable++;
                        if (b == 0 && zero < 0) zero = i;
                    }
                    assertEquals(List.of(sum, printable, zero, (long) n), List.of(result.get(0), result.get(1), result.get(2), result.get(3)),
                            new String(payload, StandardCharsets.ISO_8859_1) + " behind " + opts.length + " option bytes");
                    runs++;
                }
            }
            assertEquals(12, runs);
            assertEquals(XdpContext.XDP_DROP, run(bpf, "sum", ethernet(ETH_P_IP, ipv4(17, CLIENT, SERVER, new byte[0], udp(9, 9, new byte[3])))));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void socketFilterKeepsCutsAndDropsRealDatagrams(Backend backend) throws Exception {
        String tag = Long.toString(ProcessHandle.current().pid() % 100000);
        try (BPF bpf = load(backend, TruncatingFilter.class); NetNs ns = NetNs.create("jbpf-nu-sock-" + tag)) {
            ns.ip("link", "set", "lo", "up");
            List<String> received = ns.inside(() -> {
                try (DatagramChannel in = DatagramChannel.open(StandardProtocolFamily.INET);
                     DatagramChannel out = DatagramChannel.open(StandardProtocolFamily.INET)) {
                    in.bind(new InetSocketAddress("127.0.0.1", 9400));
                    in.configureBlocking(false);
                    try (Link link = bpf.program("filter").attachSocket(SocketFds.of(in))) {
                        for (String text : List.of("Java whole", "Truncated here", "dropped", "Jkept", "Tcut", "xx", "Jmark"))
                            out.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)), new InetSocketAddress("127.0.0.1", 9400));
                        return Datagrams.texts(Datagrams.receiveThrough(in, "Jmark".getBytes(StandardCharsets.US_ASCII)));
                    }
                }
            });
            assertEquals(List.of("Java whole", "Trun", "Jkept", "Tcut"), received, "a UDP socket counts the kept length from the UDP header");
            BpfMap<Integer, Long> outcomes = bpf.map(TruncatingFilter.outcomes);
            assertEquals(List.of(3L, 2L, 2L), List.of(outcomes.get(0), outcomes.get(1), outcomes.get(2)), "kept whole (with the marker), cut, dropped");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void xdpOnAVethDropsOnePortOfRealTraffic(Backend backend) throws Exception {
        BpfObject object = backend.translate(VethPortDrop.class);
        for (VerifierResult r : Verifier.verifyAll(object)) assertTrue(r.ok(), r.toString());
        KernelCheck.require();
        try (VethPair veth = new VethPair(); BPF bpf = BPF.builder(object, VethPortDrop.class).constant("droppedPort", 9502).load()) {
            Link link = veth.receiver.inside(() -> bpf.program("filter").attachXdp(veth.receiverIf, XdpMode.GENERIC));
            try (link) {
                List<String> open = veth.receiver.inside(() -> {
                    try (DatagramChannel a = DatagramChannel.open(); DatagramChannel b = DatagramChannel.open()) {
                        a.bind(new InetSocketAddress(VethPair.RECEIVER_IP, 9501));
                        b.bind(new InetSocketAddress(VethPair.RECEIVER_IP, 9502));
                        a.configureBlocking(false);
                        b.configureBlocking(false);
                        veth.sender.inside(() -> {
                            try (DatagramChannel ch = DatagramChannel.open()) {
                                for (int i = 0; i < 4; i++)
                                    ch.send(ByteBuffer.wrap(("open " + i).getBytes()), new InetSocketAddress(VethPair.RECEIVER_IP, 9501));
                                for (int i = 0; i < 3; i++)
                                    ch.send(ByteBuffer.wrap(("blocked " + i).getBytes()), new InetSocketAddress(VethPair.RECEIVER_IP, 9502));
                                ch.send(ByteBuffer.wrap("mark".getBytes()), new InetSocketAddress(VethPair.RECEIVER_IP, 9501));
                            }
                            return null;
                        });
                        // the marker went out last on the same link: once it is here, the blocked port's datagrams
                        // have been through the filter, and any that passed are queued at b
                        List<String> got = Datagrams.texts(Datagrams.receiveThrough(a, "mark".getBytes(StandardCharsets.US_ASCII)));
                        got.addAll(Datagrams.texts(Datagrams.queued(b)));
                        return got;
                    }
                });
                assertEquals(List.of("open 0", "open 1", "open 2", "open 3"), open);
            }
            assertEquals(5L, bpf.map(VethPortDrop.datagrams).get(9501));
            assertEquals(3L, bpf.map(VethPortDrop.datagrams).get(9502));
            assertEquals(4L * 6 + 4, bpf.map(VethPortDrop.payloadBytes).get(9501));
            assertEquals(3L * 9, bpf.map(VethPortDrop.payloadBytes).get(9502));
            assertNull(bpf.map(VethPortDrop.datagrams).get(9503));
        }
    }

}
