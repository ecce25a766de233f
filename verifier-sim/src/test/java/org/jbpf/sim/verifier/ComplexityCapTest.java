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

    /**
     * A may_goto loop whose counter offsets a pointer never converges (the counter is precise, so it is never
     * widened); every iteration keeps a state along the path, which copies share until they change their stack.
     */
    @Test
    void aMayGotoLoopThatNeverConvergesStopsAtAMillionInstructions() {
        VerifierResult r = verify(mov64Imm(R6, 0), new Insn(JMP | 0xe0, 0, 0, 5, 0), alu64Imm(ADD, R6, 8), mov64Reg(R1, R10),
                alu64Imm(ADD, R1, -64), alu64Reg(ADD, R1, R6), ja(-6), mov64Imm(R0, 0), exit());
        assertEquals("BPF program is too large. Processed 1000001 insn", r.errors().get(0).kernelMessage());
        assertEquals(AbstractInterpreter.MAX_PROCESSED + 1, r.processedInsns());
    }

    @Test
    void aProgramNearTheLimitIsRefusedWithTheEstimateRatherThanAccepted() {
        // 140,000 reads of a map value: 840,010 instructions for the simulation, more than a million / KERNEL_FACTOR
        List<Insn> p = List.of(storeImm(4, R10, -4, 0), mov64Reg(R2, R10), alu64Imm(ADD, R2, -4), ldMap(R1, "table"), call(1),
                jumpImm(JEQ, R0, 0, 9), mov64Reg(R6, R0), mov64Imm(R7, 0), mov64Reg(R1, R7), alu64Imm(AND, R1, 15),
                alu64Reg(ADD, R1, R6), load(1, R2, R1, 0), alu64Imm(ADD, R7, 1), jumpImm(JLT, R7, 140_000, -6), mov64Imm(R0, 0), exit());
        ProgramSpec ps = new ProgramSpec("reads", "tracepoint/syscalls/sys_enter_read", p, List.of());
        VerifierResult r = Verifier.verify(new BpfObject("Reads", "GPL",
                List.of(new org.jbpf.core.obj.MapSpec("table", org.jbpf.core.obj.MapTypes.ARRAY, 4, 16, 8, 0, 0, 0)), List.of(ps), null), ps);
        assertEquals(840_010, r.processedInsns());
        assertEquals("the simulation processed 840010 insns; the kernel, which prunes later, may exceed its limit of 1000000",
                r.errors().get(0).kernelMessage());
        assertEquals("reads insn 0: this program is near the verifier's complexity limit (the simulation explored 840010"
                + " instructions, the kernel may need up to 1050012 of its 1000000); bound loops with smaller constants or"
                + " reduce branching", r.errors().get(0).javaMessage());
        // 127,000 reads: 762,010 instructions, which the kernel counts as well and loads
        List<Insn> fewer = new java.util.ArrayList<>(p);
        fewer.set(13, jumpImm(JLT, R7, 127_000, -6));
        ProgramSpec fs = new ProgramSpec("reads", "tracepoint/syscalls/sys_enter_read", fewer, List.of());
        VerifierResult accepted = Verifier.verify(new BpfObject("Reads", "GPL",
                List.of(new org.jbpf.core.obj.MapSpec("table", org.jbpf.core.obj.MapTypes.ARRAY, 4, 16, 8, 0, 0, 0)), List.of(fs), null), fs);
        assertTrue(accepted.ok(), accepted.toString());
        assertEquals(762_010, accepted.processedInsns());
    }
}
