package org.jbpf.it.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.LoadedProgram;
import org.jbpf.loader.VerifierException;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.interp.Interpreter;
import org.jbpf.sim.maps.SimMap;
import org.jbpf.translator.TranslationException;
import org.junit.jupiter.api.Test;
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

    /** The helpers' edges ({@link HelperEdges}): errno results without writes, a sum of zero, the frame's protocol. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void interpreterGivesTheKernelsResultsAtTheHelpersEdges(Backend backend) {
        KernelCheck.require();
        byte[] udp = PacketHelpersKernelTest.udpPacket(53), zeroSum = udp.clone(), vlan = Packets.ethernet(0x8100).vlan(7, 0x86dd).payload(40).bytes();
        zeroSum[24] = (byte) 0xff;
        zeroSum[25] = (byte) 0xff;
        int runs = agree(backend, HelperEdges.class, List.of("storeFlags", "oddChecksum", "zeroSum", "far", "protocol"), List.of(udp, zeroSum, vlan), null);
        assertEquals(5 * 3, runs);
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

    /** The refusal of a stale header names its variable even where javac gave the slot to another variable first. */
    @Test
    void aStaleHeaderIsNamedByItsOwnVariable() {
        TranslationException e = assertThrows(TranslationException.class, () -> Backend.DIRECT.translate(StaleHeaderAfterLoop.class));
        assertEquals("StaleHeaderAfterLoop.java:21: variable eth holds a packet header read before ctx.adjustHead(..) on line 20, which may"
                + " move the packet; read the header again with ctx.header(..) after that call", e.getMessage());
    }

    /**
     * A read through a packet pointer after l3_csum_replace: the translator refuses it at the Java line (probe
     * {@link StaleHeader}); the same read hand-assembled is refused by the kernel and by the simulation alike.
     */
    @Test
    void bothRefuseAHeaderReadAfterTheChecksumHelper() {
        KernelCheck.require();
        TranslationException java = assertThrows(TranslationException.class, () -> Backend.DIRECT.translate(StaleHeader.class));
        assertEquals("StaleHeader.java:20: variable ip holds a packet header read before ctx.l3CsumReplace(..) on line 19, which may"
                + " move the packet; read the header again with ctx.header(..) after that call", java.getMessage());
        List<Insn> insns = List.of(
                Insn.mov64Reg(R6, R1),
                Insn.load(4, R7, R6, 76), Insn.load(4, R3, R6, 80),        // data, data_end
                Insn.mov64Reg(R4, R7), Insn.alu64Imm(ADD, R4, 34),
                Insn.jumpReg(JGT, R4, R3, 8),                              // -> exit with 0
                Insn.mov64Reg(R1, R6), Insn.mov64Imm(R2, 24), Insn.mov64Imm(R3, 0), Insn.mov64Imm(R4, 0), Insn.mov64Imm(R5, 2),
                Insn.call(HelperTable.L3_CSUM_REPLACE),
                Insn.load(1, R0, R7, 22),                                  // the ttl through the forgotten pointer
                Insn.exit(),
                Insn.mov64Imm(R0, 0), Insn.exit());
        BpfObject obj = new BpfObject("stale", "GPL", List.of(), List.of(new ProgramSpec("stale", "tc/egress", insns, List.of())), null);
        VerifierException kernel = assertThrows(VerifierException.class, () -> BPF.load(obj).close());
        assertTrue(kernel.log().contains("R7 invalid mem access 'scalar'"), kernel.log());
        List<VerifierResult> sim = Verifier.verifyAll(obj);
        assertEquals(1, sim.size());
        assertFalse(sim.get(0).ok());
        assertTrue(sim.get(0).toString().contains("R7 invalid mem access 'scalar'"), sim.get(0).toString());
    }
}
