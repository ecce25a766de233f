package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.loader.VerifierException;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.interp.Interpreter;
import org.jbpf.sim.maps.SimMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * verifier-sim against the kernel on the packet helper programs, both backends: its interpreter gives the verdicts
 * and the output bytes BPF_PROG_TEST_RUN gives (tc and xdp programs, packet writes, checksum updates, moved heads and
 * tails, redirects), and its verifier refuses the read through a header pointer after a helper changed the packet,
 * as the kernel does.
 */
class PacketSimulationAgreementTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void interpreterGivesTheKernelsVerdictsAndBytes(Backend backend) {
        KernelCheck.require();
        byte[] rewrite = PacketHelpersKernelTest.udpPacket(PortRewrite.FROM_PORT), other = PacketHelpersKernelTest.udpPacket(53);
        int runs = agree(backend, PortRewrite.class, List.of("fix", "noFix", "direct"), List.of(rewrite, other), null)
                + agree(backend, XdpReshape.class, List.of("strip", "push", "trim", "redirectSlot"), List.of(rewrite, other), null)
                + agree(backend, XdpReshape.class, List.of("redirectSlot"), List.of(rewrite), "devices");
        assertEquals(3 * 2 + 4 * 2 + 1, runs);
    }

    /** Runs each program on each packet in the kernel and in the interpreter; with {@code slotMap}, slot 0 holds lo. */
    private static int agree(Backend backend, Class<?> probe, List<String> programs, List<byte[]> packets, String slotMap) {
        BpfObject obj = backend.translate(probe);
        int runs = 0;
        try (BPF bpf = BPF.load(obj, probe)) {
            Interpreter sim = new Interpreter(obj);
            if (slotMap != null) {
                bpf.map(slotMap, Integer.class, Integer.class).put(0, 1);
                assertEquals(0, sim.map(slotMap).update(SimMap.u32(0), SimMap.u32(1), 0));
            }
            for (String program : programs) {
                for (byte[] packet : packets) {
                    LoadedProgram.TestRun kernel = bpf.program(program).testRun(packet, 1);
                    long verdict = sim.runPacket(program, packet.clone());
                    String what = probe.getSimpleName() + "." + program;
                    assertEquals(kernel.retval(), (int) verdict, what + ": verdict");
                    assertArrayEquals(kernel.dataOut(), sim.packet(), what + ": packet bytes after the run");
                    runs++;
                }
            }
        }
        return runs;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void bothRefuseAHeaderReadAfterTheChecksumHelper(Backend backend) {
        KernelCheck.require();
        BpfObject obj = backend.translate(StaleHeader.class);
        VerifierException kernel = assertThrows(VerifierException.class, () -> BPF.load(obj, StaleHeader.class).close());
        assertTrue(kernel.log().contains("invalid mem access 'scalar'"), kernel.log());
        List<VerifierResult> sim = Verifier.verifyAll(obj);
        assertEquals(1, sim.size());
        assertFalse(sim.get(0).ok());
        assertTrue(sim.get(0).toString().contains("invalid mem access 'scalar'"), sim.get(0).toString());
    }
}
