package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

/**
 * Loops the verifier cannot bound end the simulation at the kernel's own caps, so that translating or building
 * never stalls on them: the count of pending branches and of processed instructions.
 */
class ComplexityCapTest {
    static VerifierResult verify(Insn... insns) {
        ProgramSpec p = new ProgramSpec("loop", "socket", List.of(insns), List.of());
        return Verifier.verify(new BpfObject("Loop", "GPL", List.of(), List.of(p), null), p);
    }

    @Test
    void aLoopLeavingOneBranchPerIterationStopsAt8193PendingJumps() {
        long start = System.nanoTime();
        VerifierResult r = verify(call(7), mov64Reg(R2, R0), mov64Imm(R1, 0), jumpReg(JEQ, R1, R2, 2), alu64Imm(ADD, R1, 1),
                ja(-3), mov64Imm(R0, 0), exit());
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("pending-branch cap reached after " + r.processedInsns() + " insns in " + ms + " ms");
        assertEquals("The sequence of 8193 jumps is too complex.", r.errors().get(0).kernelMessage());
        assertEquals(3, r.errors().get(0).insn(), "reported at the branch");
        // three instructions per iteration, 8193 iterations, plus the three before the loop
        assertEquals(3 + 3 * 8193 - 2, r.processedInsns());
    }

    @Test
    void aLoopToAnUnknownBoundStopsAtAMillionInstructions() {
        long start = System.nanoTime();
        VerifierResult r = verify(call(7), mov64Reg(R2, R0), mov64Imm(R1, 0), alu64Imm(ADD, R1, 1), jumpReg(JNE, R1, R2, -2),
                mov64Imm(R0, 0), exit());
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("instruction cap reached in " + ms + " ms");
        assertEquals("BPF program is too large. Processed 1000001 insn", r.errors().get(0).kernelMessage());
        assertEquals(AbstractInterpreter.MAX_PROCESSED + 1, r.processedInsns());
        assertTrue(ms < 60_000, "took " + ms + " ms");
    }
}
