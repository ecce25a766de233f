package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.XdpContext;
import org.jbpf.examples.net.XdpFirewall;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.net.Ipv4Prefix;
import org.jbpf.net.Net;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The firewall's source prefixes, an LPM trie filled from Java: crafted packets from several sources run with
 * BPF_PROG_TEST_RUN get the verdict of their longest matching prefix, and an exception (/32 allow inside a /24
 * drop) wins over the shorter prefix.
 */
class SourcePrefixKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void theLongestMatchingPrefixDecides(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(XdpFirewall.class), XdpFirewall.class)) {
            BpfMap<Ipv4Prefix, Integer> prefixes = bpf.map(XdpFirewall.sourcePrefixes);
            prefixes.put(Ipv4Prefix.of(0x7f010000, 16), 1);   // 127.1.0.0/16: drop
            prefixes.put(Ipv4Prefix.of(0x7f010200, 24), 0);   // 127.1.2.0/24: allowed inside it
            prefixes.put(Ipv4Prefix.of(0x7f010207, 32), 1);   // 127.1.2.7: dropped again
            assertEquals(3, prefixes.entries().size());

            Map<Integer, Integer> expected = new LinkedHashMap<>();
            expected.put(0x7f010001, XdpContext.XDP_DROP);    // /16
            expected.put(0x7f01ff09, XdpContext.XDP_DROP);    // /16
            expected.put(0x7f010201, XdpContext.XDP_PASS);    // /24 exception
            expected.put(0x7f010207, XdpContext.XDP_DROP);    // /32
            expected.put(0x7f020001, XdpContext.XDP_PASS);    // no prefix
            expected.put(0x7f000001, XdpContext.XDP_PASS);    // no prefix
            LoadedProgram filter = bpf.program("filter");
            for (Map.Entry<Integer, Integer> e : expected.entrySet()) {
                byte[] packet = Packets.ethernet(Net.ETH_P_IP).ipv4(17, e.getKey(), 0x7f0000fe, 5).udp(1234, 80).bytes();
                assertEquals(e.getValue(), filter.testRun(packet, 1).retval(), "source 0x" + Integer.toHexString(e.getKey()));
            }
            assertEquals(1L, bpf.map(XdpFirewall.packetsBySource).get(0x7f010207));
            prefixes.remove(Ipv4Prefix.of(0x7f010000, 16));
            byte[] packet = Packets.ethernet(Net.ETH_P_IP).ipv4(17, 0x7f010001, 0x7f0000fe, 5).udp(1234, 80).bytes();
            assertEquals(XdpContext.XDP_PASS, filter.testRun(packet, 1).retval(), "the /16 removed from Java");
        }
    }
}
