package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * TCP options walked in a bounded loop ({@link TcpOptions}) on both backends under BPF_PROG_TEST_RUN: a Linux SYN's
 * options (MSS, SACK permitted, timestamps, NOP, window scale) give their MSS, scale and count; an end-of-options
 * byte stops the walk early; an option running past the data offset is dropped; a segment without options has none.
 */
class TcpOptionsKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void theOptionsOfASynAreWalkedKindByKind(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(TcpOptions.class), TcpOptions.class)) {
            BpfMap<Integer, Long> out = bpf.map(TcpOptions.out);
            LoadedProgram options = bpf.program("options");
            // MSS 1460, SACK permitted, timestamps, NOP, window scale 7: 20 bytes, as Linux sends them
            int[] linux = {2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7};
            assertEquals(XdpContext.XDP_PASS, options.testRun(syn(linux), 1).retval());
            assertEquals(1460L, out.get(0));
            assertEquals(7L, out.get(1));
            assertEquals(5L, out.get(2));
            // MSS 536, then end of options before a window scale
            assertEquals(XdpContext.XDP_PASS, options.testRun(syn(new int[] {2, 4, 0x02, 0x18, 0, 0, 3, 3, 9, 0, 0, 0}), 1).retval());
            assertEquals(536L, out.get(0));
            assertEquals(-1L, out.get(1));
            assertEquals(1L, out.get(2));
            // a timestamp option whose length runs past the data offset
            assertEquals(XdpContext.XDP_DROP, options.testRun(syn(new int[] {1, 1, 8, 30, 0, 0, 0, 0}), 1).retval());
            assertEquals(XdpContext.XDP_PASS, options.testRun(syn(new int[0]), 1).retval());
            assertEquals(-1L, out.get(0));
            assertEquals(0L, out.get(2));
        }
    }

    /** A SYN over IPv4 with {@code options} (a multiple of 4 bytes) after its fixed header. */
    private static byte[] syn(int[] options) {
        Packets p = Packets.ethernet(Net.ETH_P_IP).ipv4(6, 0x7f000001, 0x7f000002, 5);
        p.u16(40000).u16(80).u32(1).u32(0).raw((5 + options.length / 4) << 4, 0x02).u16(0xffff).u16(0).u16(0);
        return p.raw(options).payload(4).bytes();
    }
}
