package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.examples.net.EgressBytes;
import org.jbpf.examples.net.FlowBytes;
import org.jbpf.examples.net.XdpFirewall;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.net.Net;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Header reads of an xdp program against the same parse in plain Java ({@link JavaParse}): crafted packets (VLAN,
 * IPv4 with options, IPv6, UDP, TCP, ICMP) and every truncation of each, run in the kernel with BPF_PROG_TEST_RUN.
 * A header cut short must read as null (the probe's TRUNCATED branch), never as bytes past the packet.
 */
class PacketParseKernelTest {
    static Map<String, byte[]> packets() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("ipv4 udp", Packets.ethernet(Net.ETH_P_IP).ipv4(17, 0x7f010001, 0x7f010002, 5).udp(40000, 53).payload(4).bytes());
        m.put("ipv4 with options, tcp", Packets.ethernet(Net.ETH_P_IP).ipv4(6, 0x7f000001, 0x7f0000fe, 7)
                .tcp(443, 51234, 0x89abcdef, 0x12).bytes());
        m.put("ipv4 icmp", Packets.ethernet(Net.ETH_P_IP).ipv4(1, 0x7f000002, 0x7f000003, 5).icmp(8, 0).bytes());
        m.put("vlan ipv4 udp", Packets.ethernet(Net.ETH_P_8021Q).vlan(0x2064, Net.ETH_P_IP)
                .ipv4(17, 0x7f020304, 0x7f050607, 5).udp(9, 7777).bytes());
        m.put("ipv6 tcp", Packets.ethernet(Net.ETH_P_IPV6).ipv6(6, 0x11, 0xfe).tcp(22, 60000, 7, 0x02).bytes());
        m.put("vlan ipv6 icmpv6", Packets.ethernet(Net.ETH_P_8021Q).vlan(5, Net.ETH_P_IPV6).ipv6(58, 1, 0xff).icmp(128, 0).bytes());
        m.put("ipv4 with a header length below 20", Packets.ethernet(Net.ETH_P_IP).ipv4(17, 0x7f000009, 0x7f00000a, 2)
                .udp(1, 2).bytes());
        m.put("arp", Packets.ethernet(Net.ETH_P_ARP).payload(28).bytes());
        return m;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void headersReadInTheKernelAgreeWithJava(Backend backend) {
        KernelCheck.require();
        int runs = 0, truncated = 0, expectedRuns = 0;
        for (byte[] p : packets().values()) expectedRuns += p.length - 13;
        try (BPF bpf = BPF.load(backend.translate(PacketParse.class), PacketParse.class)) {
            BpfMap<Integer, Long> out = bpf.map(PacketParse.out);
            LoadedProgram parse = bpf.program("parse");
            for (Map.Entry<String, byte[]> e : packets().entrySet()) {
                byte[] whole = e.getValue();
                // the kernel runs xdp programs on 14 bytes or more
                for (int len = 14; len <= whole.length; len++) {
                    byte[] packet = Arrays.copyOf(whole, len);
                    for (int s = 0; s < PacketParse.SLOTS; s++) out.put(s, JavaParse.UNSET);
                    assertEquals(2, parse.testRun(packet, 1).retval(), e.getKey());
                    long[] kernel = new long[PacketParse.SLOTS];
                    for (int s = 0; s < PacketParse.SLOTS; s++) kernel[s] = out.get(s);
                    long[] java = JavaParse.parse(packet);
                    assertArrayEquals(java, kernel, e.getKey() + ", first " + len + " of " + whole.length + " bytes");
                    if (Arrays.stream(java).anyMatch(v -> v == PacketParse.TRUNCATED)) truncated++;
                    runs++;
                }
            }
        }
        assertEquals(expectedRuns, runs);
        assertEquals(268, truncated, "prefixes cut inside a header (all but the whole packets and the cuts inside payloads)");
        System.out.println("packet parse (" + backend + "): " + runs + " packets agreed with Java, " + truncated + " of them cut inside a header");
    }

    /** The offline verifier agrees with the kernel, which accepts these programs (here and in the veth tests). */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void verifierSimulationAcceptsThePacketPrograms(Backend backend) {
        for (Class<?> probe : List.of(PacketParse.class, XdpFirewall.class, EgressBytes.class, UdpSocketFilter.class, PortRewrite.class,
                XdpReshape.class, FlowBytes.class))
            for (VerifierResult r : Verifier.verifyAll(backend.translate(probe)))
                assertTrue(r.ok(), probe.getSimpleName() + ": " + r);
    }

    /** The documented behaviour: a header that does not fit reads as null, and nothing of it is read. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aHeaderPastTheEndReadsAsNull(Backend backend) {
        KernelCheck.require();
        byte[] whole = Packets.ethernet(Net.ETH_P_IP).ipv4(17, 0x7f010001, 0x7f010002, 5).udp(40000, 53).bytes();
        try (BPF bpf = BPF.load(backend.translate(PacketParse.class), PacketParse.class)) {
            BpfMap<Integer, Long> out = bpf.map(PacketParse.out);
            for (int s = 0; s < PacketParse.SLOTS; s++) out.put(s, JavaParse.UNSET);
            // one byte short of the IPv4 header
            bpf.program("parse").testRun(Arrays.copyOf(whole, 14 + 19), 1);
            assertEquals(33L, out.get(PacketParse.LENGTH));
            assertEquals((long) Net.ETH_P_IP, out.get(PacketParse.ETHER_TYPE));
            assertEquals(PacketParse.TRUNCATED, out.get(PacketParse.PROTOCOL));
            assertEquals(JavaParse.UNSET, out.get(PacketParse.SOURCE));
            // one byte short of the UDP header after it
            bpf.program("parse").testRun(Arrays.copyOf(whole, 14 + 20 + 7), 1);
            assertEquals(0x7f010001L, out.get(PacketParse.SOURCE));
            assertEquals(PacketParse.TRUNCATED, out.get(PacketParse.SOURCE_PORT));
            assertEquals(JavaParse.UNSET, out.get(PacketParse.DESTINATION_PORT));
        }
    }
}
