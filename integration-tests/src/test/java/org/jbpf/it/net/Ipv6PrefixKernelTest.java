package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jbpf.BPF;
import org.jbpf.XdpContext;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.net.Ipv6Prefix;
import org.jbpf.net.Net;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An LPM trie keyed by IPv6 prefixes ({@link Ipv6Prefixes}), filled from Java: packets from several sources get the
 * verdict of their longest matching prefix (a /128 inside a /64 inside a /16), and none without a match.
 */
class Ipv6PrefixKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void theLongestMatchingIpv6PrefixDecides(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(Ipv6Prefixes.class), Ipv6Prefixes.class)) {
            BpfMap<Ipv6Prefix, Integer> sources = bpf.map(Ipv6Prefixes.sources);
            sources.put(Ipv6Prefix.of(address(0xfd, 0x00, 0), 16), XdpContext.XDP_DROP);   // fd00::/16
            sources.put(Ipv6Prefix.of(address(0xfd, 0x00, 0), 64), XdpContext.XDP_TX);     // fd00::/64 inside it
            sources.put(Ipv6Prefix.of(address(0xfd, 0x00, 7), 128), XdpContext.XDP_ABORTED); // fd00::7
            assertEquals(3, sources.entries().size());
            LoadedProgram filter = bpf.program("filter");
            assertEquals(XdpContext.XDP_ABORTED, filter.testRun(packet(address(0xfd, 0x00, 7)), 1).retval(), "the /128");
            assertEquals(XdpContext.XDP_TX, filter.testRun(packet(address(0xfd, 0x00, 9)), 1).retval(), "the /64");
            byte[] outside64 = address(0xfd, 0x00, 9);
            outside64[7] = 1;   // fd00:0:0:1::9, outside the /64
            assertEquals(XdpContext.XDP_DROP, filter.testRun(packet(outside64), 1).retval(), "the /16");
            assertEquals(XdpContext.XDP_PASS, filter.testRun(packet(address(0xfe, 0x80, 7)), 1).retval(), "no prefix");
            sources.remove(Ipv6Prefix.of(address(0xfd, 0x00, 7), 128));
            assertEquals(XdpContext.XDP_TX, filter.testRun(packet(address(0xfd, 0x00, 7)), 1).retval(), "the /128 removed from Java");
        }
    }

    /** The address whose first two bytes are a and b and whose last is {@code last}. */
    private static byte[] address(int a, int b, int last) {
        byte[] address = new byte[16];
        address[0] = (byte) a;
        address[1] = (byte) b;
        address[15] = (byte) last;
        return address;
    }

    /** A UDP packet over IPv6 from {@code source} to ::1. */
    private static byte[] packet(byte[] source) {
        Packets p = Packets.ethernet(Net.ETH_P_IPV6);
        p.u32(0x60000000).u16(8).raw(17, 64);
        for (byte b : source) p.raw(b & 0xff);
        for (int i = 0; i < 15; i++) p.raw(0);
        return p.raw(1).udp(1234, 53).bytes();
    }
}
