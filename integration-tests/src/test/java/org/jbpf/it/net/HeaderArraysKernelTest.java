package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jbpf.BPF;
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
 * Header array elements at a variable index ({@link HeaderArrays}) load on both backends (the kernel refused both
 * before each element got its own check against the packet's end; found by the random packet probes, seed 101) and
 * read and write the right bytes: every index of the Ethernet destination address, of its source address in a
 * function the header is passed to, and of an IPv6 header that ends exactly where the packet does.
 */
class HeaderArraysKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void elementsAtAVariableIndexReadAndWriteTheirBytes(Backend backend) {
        KernelCheck.require();
        var object = backend.translate(HeaderArrays.class);
        for (VerifierResult r : Verifier.verifyAll(object)) assertTrue(r.ok(), r.toString());
        try (BPF bpf = BPF.load(object, HeaderArrays.class)) {
            BpfMap<Integer, Long> out = bpf.map(HeaderArrays.out);
            for (int i = 0; i < 8; i++) {
                byte[] frame = Packets.ethernet(Net.ETH_P_IP).payload(20).bytes();
                for (int k = 0; k < 6; k++) frame[k] = (byte) (0x10 + k);
                frame[11] = (byte) (0xf8 | i);
                out.put(0, -1L);
                LoadedProgram.TestRun run = bpf.program("index").testRun(frame, 1);
                assertEquals(2, run.retval());
                assertEquals(i < 6 ? 0x10 + i : 0, out.get(0), "destination[" + i + "]");
                byte[] expected = frame.clone();
                if (i < 6) expected[i] = (byte) 0xee;
                assertArrayEquals(expected, run.dataOut(), "destination[" + i + "] written, nothing else");
            }
            for (int i = 0; i < 8; i++) {
                byte[] frame = Packets.ethernet(Net.ETH_P_IP).payload(20).bytes();
                frame[0] = (byte) (0x40 | i);
                for (int k = 0; k < 6; k++) frame[6 + k] = (byte) (0x30 + k);
                assertEquals(2, bpf.program("passed").testRun(frame, 1).retval());
                assertEquals(i < 6 ? 0x30 + i : 0, out.get(0), "source[" + i + "] read by a function the header was passed to");
            }
            for (int i = 0; i < 16; i++) {
                // the IPv6 header is the packet's last 40 bytes: destination[15] is its last byte
                byte[] frame = Packets.ethernet(Net.ETH_P_IPV6).ipv6(17, 0x30, 0x40).bytes();
                frame[14 + 7] = (byte) (0x20 | i);
                for (int k = 0; k < 16; k++) frame[14 + 24 + k] = (byte) (0x80 + k);
                LoadedProgram.TestRun run = bpf.program("tcIndex").testRun(frame, 1);
                assertEquals(0, run.retval());
                assertEquals(0x80 + i, out.get(1), "ip6.destination[" + i + "]");
                byte[] expected = frame.clone();
                expected[14 + 8 + i] ^= 0x5a;
                assertArrayEquals(expected, run.dataOut(), "ip6.source[" + i + "] flipped, nothing else");
            }
        }
    }
}
