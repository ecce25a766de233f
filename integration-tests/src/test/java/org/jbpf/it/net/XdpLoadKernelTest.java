package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.jbpf.BPF;
import org.jbpf.XdpContext;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.net.Net;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.interp.Interpreter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code XdpContext.load} ({@link XdpCopies}, bpf_xdp_load_bytes) on both backends under BPF_PROG_TEST_RUN, and in
 * the verifier simulation's interpreter: the ports come out of copies at an offset computed from the IPv4 header
 * length (5 words, and 6 with an option), the source port is still read after the head moved, a copy one byte past
 * the end is null, and a frame cut inside the UDP header is dropped.
 */
class XdpLoadKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void copiesReadAtComputedOffsetsAndSurviveAMoveOfTheHead(Backend backend) {
        KernelCheck.require();
        BpfObject object = backend.translate(XdpCopies.class);
        assertEquals(true, Verifier.verifyAll(object).stream().allMatch(r -> r.ok()), "the simulation accepts it");
        try (BPF bpf = BPF.load(object, XdpCopies.class)) {
            LoadedProgram copies = bpf.program("copies");
            BpfMap<Integer, Long> seen = bpf.map(XdpCopies.seen);
            for (int words : new int[] {5, 6}) {
                byte[] frame = Packets.ethernet(Net.ETH_P_IP).ipv4(17, 0x7f000001, 0x7f000002, words).udp(4000 + words, 53 + words).bytes();
                assertEquals(XdpContext.XDP_PASS, copies.testRun(frame, 1).retval(), words + " words of IPv4 header");
                assertEquals(53L + words, seen.get(0));
                assertEquals(4000L + words, seen.get(1));
                assertEquals(1L, seen.get(2));
                Interpreter sim = new Interpreter(object);
                assertEquals(XdpContext.XDP_PASS, sim.runPacket("copies", frame, Net.ETH_P_IP));
                assertArrayEquals(Arrays.copyOfRange(frame, 14, frame.length), sim.packet(), "the interpreter's frame after the head moved");
                assertEquals(4000L + words, sim.map("seen").getLong(1));
                byte[] cut = Arrays.copyOf(frame, 14 + words * 4 + 7);
                assertEquals(XdpContext.XDP_DROP, copies.testRun(cut, 1).retval(), "cut inside the UDP header");
                assertEquals(XdpContext.XDP_DROP, new Interpreter(object).runPacket("copies", cut, Net.ETH_P_IP));
            }
        }
    }
}
