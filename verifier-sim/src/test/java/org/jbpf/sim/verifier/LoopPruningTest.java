package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

/**
 * Loops the kernel accepts quickly must not exhaust the simulator: a 32-bit countdown keeps its range through
 * the wrap of {@code w0 += -1}, and a bit-counting loop prunes states that differ only in an imprecise counter.
 * A scalar is precise only once a check depended on it, as in the kernel: many diamonds in a row and nested loops
 * cost a few hundred instructions, while a value that decides a later check still keeps states apart.
 */
class LoopPruningTest {
    static VerifierResult verify(List<Insn> p) {
        ProgramSpec ps = new ProgramSpec("t", "xdp", p, List.of());
        return Verifier.verify(new BpfObject("t", "GPL", List.of(), List.of(ps), null), ps);
    }

    @Test
    void countdownInThirtyTwoBits() {
        List<Insn> p = new ArrayList<>();
        p.add(Insn.call(HelperTable.GET_PRANDOM_U32));
        p.add(Insn.alu64Imm(AND, R0, 15));
        p.add(Insn.mov64Imm(R5, 0));
        p.add(Insn.jump32Imm(JSLE, R0, 0, 3));
        p.add(Insn.alu64Imm(ADD, R5, 1));
        p.add(Insn.alu32Imm(ADD, R0, -1));
        p.add(Insn.ja(-4));
        p.add(Insn.mov64Imm(R0, 0));
        p.add(Insn.exit());
        VerifierResult r = verify(p);
        assertTrue(r.ok() && r.processedInsns() < 1000, r.toString());
    }

    /**
     * do { k--; } while (k > 0) from k in [0,7]: the first w0 += -1 wraps 0 to 0xffffffff, so only the low half's
     * signed range [-1,6] sees the taken edge narrow to [1,6]; without it the loop counts down from 2^31.
     */
    @Test
    void doWhileCountdownFromZeroInThirtyTwoBits() {
        List<Insn> p = new ArrayList<>();
        p.add(Insn.call(HelperTable.GET_PRANDOM_U32));
        p.add(Insn.alu64Imm(AND, R0, 7));
        p.add(Insn.mov64Imm(R5, 0));
        p.add(Insn.alu64Reg(ADD, R5, R0));
        p.add(Insn.alu32Imm(ADD, R0, -1));
        p.add(Insn.jump32Imm(JSGT, R0, 0, -3));
        p.add(Insn.mov64Reg(R0, R5));
        p.add(Insn.exit());
        VerifierResult r = verify(p);
        assertTrue(r.ok() && r.processedInsns() < 100, r.toString());
    }

    @Test
    void bitCountingLoopPrunesTheImpreciseCounter() {
        List<Insn> p = new ArrayList<>();
        p.add(Insn.call(HelperTable.GET_PRANDOM_U32));
        p.add(Insn.mov64Reg(R2, R0));
        p.add(Insn.mov32Imm(R3, 0));
        p.add(Insn.mov32Imm(R4, 0));
        p.add(Insn.jump32Imm(JSGE, R4, 64, 7));
        p.add(Insn.mov64Reg(R5, R2));
        p.add(Insn.alu64Imm(AND, R5, 1));
        p.add(Insn.jumpImm(JEQ, R5, 0, 1));
        p.add(Insn.alu32Imm(ADD, R3, 1));
        p.add(Insn.alu64Imm(RSH, R2, 1));
        p.add(Insn.alu32Imm(ADD, R4, 1));
        p.add(Insn.ja(-8));
        p.add(Insn.mov64Reg(R0, R3));
        p.add(Insn.exit());
        VerifierResult r = verify(p);
        assertTrue(r.ok() && r.processedInsns() < 5000, r.toString());
    }

    @Test
    void aCounterThatDecidesABranchStaysPrecise() {
        // the same loop, but the counter later decides a branch into invalid code (reading r7, never written):
        // only paths where many bits were set get there, so pruning must keep the counter's value
        List<Insn> p = new ArrayList<>();
        p.add(Insn.call(HelperTable.GET_PRANDOM_U32));
        p.add(Insn.mov64Reg(R2, R0));
        p.add(Insn.mov64Imm(R3, 0));
        p.add(Insn.mov32Imm(R4, 0));
        p.add(Insn.jump32Imm(JSGE, R4, 64, 7));
        p.add(Insn.mov64Reg(R5, R2));
        p.add(Insn.alu64Imm(AND, R5, 1));
        p.add(Insn.jumpImm(JEQ, R5, 0, 1));
        p.add(Insn.alu64Imm(ADD, R3, 8));
        p.add(Insn.alu64Imm(RSH, R2, 1));
        p.add(Insn.alu32Imm(ADD, R4, 1));
        p.add(Insn.ja(-8));
        p.add(Insn.jumpImm(JLE, R3, 500, 1));
        p.add(Insn.mov64Reg(R0, R7));
        p.add(Insn.mov64Imm(R0, 0));
        p.add(Insn.exit());
        VerifierResult r = verify(p);
        assertTrue(!r.ok() && r.errors().get(0).kernelMessage().contains("R7 !read_ok"), "must be rejected for r7: " + r);
    }

    @Test
    void diamondsWhoseSumDecidesNothingArePruned() {
        VerifierResult r = verify(PruningShapes.diamonds(16));
        // without precision marks: 2^16 paths; the kernel (6.18) processes 193 instructions
        assertTrue(r.ok() && r.processedInsns() < 400, r.toString());
    }

    @Test
    void nestedLoopsWithADiamondInsideArePruned() {
        VerifierResult r = verify(PruningShapes.nestedLoops(10, 10));
        assertTrue(r.ok() && r.processedInsns() < 6000, r.toString());
    }

    @Test
    void nestedLoopsCallingAFunctionArePruned() {
        VerifierResult r = verify(PruningShapes.nestedLoopsCalling(10, 10));
        assertTrue(r.ok() && r.processedInsns() < 10000, r.toString());
    }

    @Test
    void anOffsetDecidedAfterTheJoinKeepsTheArmsApart() {
        // the arm explored first leaves r7 = 0, the other r7 = 16; only then is r7 added to a 16-byte map value and 8 bytes read:
        // the second state reaching the join must not be pruned by the first
        List<Insn> p = new ArrayList<>(List.of(Insn.storeImm(4, R10, -4, 0), Insn.mov64Reg(R2, R10),
                Insn.alu64Imm(ADD, R2, -4), Insn.ldMap(R1, "table"), Insn.call(1), Insn.jumpImm(JEQ, R0, 0, 9),
                Insn.mov64Reg(R6, R0), Insn.call(HelperTable.GET_PRANDOM_U32), Insn.mov64Imm(R7, 16),
                Insn.jumpImm(JEQ, R0, 0, 2), Insn.mov64Imm(R7, 0), Insn.ja(0), Insn.alu64Reg(ADD, R6, R7),
                Insn.load(8, R0, R6, 0), Insn.mov64Imm(R0, 0), Insn.exit()));
        org.jbpf.core.obj.MapSpec table = new org.jbpf.core.obj.MapSpec("table", org.jbpf.core.obj.MapTypes.ARRAY, 4, 16, 8, 0, 0, 0);
        ProgramSpec ps = new ProgramSpec("t", "tracepoint/syscalls/sys_enter_read", p, List.of());
        VerifierResult r = Verifier.verify(new BpfObject("t", "GPL", List.of(table), List.of(ps), null), ps);
        assertTrue(!r.ok() && r.errors().get(0).kernelMessage().contains("outside of the allowed memory range"), "must be rejected: " + r);
    }
}
