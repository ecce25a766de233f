package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.core.asm.Insn;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.verifier.AbstractInterpreter;
import org.jbpf.sim.verifier.PruningShapes;
import org.junit.jupiter.api.Test;

/**
 * The simulator refuses a program whose exploration, multiplied by {@link AbstractInterpreter#KERNEL_FACTOR}, could
 * exceed the kernel's million instructions. This checks the factor against the kernel's own count on loops of
 * different shapes: the kernel must never process more than that many times what the simulation processed.
 */
class ComplexityAgreementTest {
    private static final Pattern PROCESSED = Pattern.compile("processed (\\d+) insns");

    /** Counts the set bits of a random number, 64 rounds with a branch in each. */
    static List<Insn> bitCount() {
        return List.of(call(7), mov64Reg(R2, R0), mov32Imm(R3, 0), mov32Imm(R4, 0), jump32Imm(JSGE, R4, 64, 7),
                mov64Reg(R5, R2), alu64Imm(AND, R5, 1), jumpImm(JEQ, R5, 0, 1), alu32Imm(ADD, R3, 1), alu64Imm(RSH, R2, 1),
                alu32Imm(ADD, R4, 1), ja(-8), mov64Reg(R0, R3), exit());
    }

    /** Reads byte i & 15 of a map value for i below {@code n}. */
    static List<Insn> indexedReads(int n) {
        return List.of(storeImm(4, R10, -4, 0), mov64Reg(R2, R10), alu64Imm(ADD, R2, -4), ldMap(R1, "table"), call(1),
                jumpImm(JEQ, R0, 0, 9), mov64Reg(R6, R0), mov64Imm(R7, 0), mov64Reg(R1, R7), alu64Imm(AND, R1, 15),
                alu64Reg(ADD, R1, R6), load(1, R2, R1, 0), alu64Imm(ADD, R7, 1), jumpImm(JLT, R7, n, -6), mov64Imm(R0, 0), exit());
    }

    @Test
    void theKernelNeverNeedsMoreThanTheFactorTimesTheSimulation() {
        KernelAgreementTest.assumeKernel();
        List<Corpus.Entry> programs = new ArrayList<>();
        programs.add(new Corpus.Entry("bit_count", "xdp", List.of(), bitCount(), true));
        programs.add(new Corpus.Entry("indexed_reads_100", Corpus.TP, List.of(Corpus.ARRAY), indexedReads(100), true));
        programs.add(new Corpus.Entry("indexed_reads_5000", Corpus.TP, List.of(Corpus.ARRAY), indexedReads(5000), true));
        // near the limit: 762,010 instructions, more than three quarters of the kernel's million, which the simulation accepts
        programs.add(new Corpus.Entry("indexed_reads_127000", Corpus.TP, List.of(Corpus.ARRAY), indexedReads(127_000), true));
        programs.add(new Corpus.Entry("diamonds_16", "xdp", List.of(), PruningShapes.diamonds(16), true));
        programs.add(new Corpus.Entry("nested_loops_10x10", "xdp", List.of(), PruningShapes.nestedLoops(10, 10), true));
        programs.add(new Corpus.Entry("nested_loops_10x10_calling", "xdp", List.of(), PruningShapes.nestedLoopsCalling(10, 10), true));
        for (Corpus.Entry e : Corpus.all()) if (e.expectOk()) programs.add(e);
        double worst = 0;
        String worstAt = "";
        for (Corpus.Entry e : programs) {
            KernelBpf.LoadResult k = KernelRunner.verify(e.section(), e.maps(), e.insns());
            VerifierResult s = KernelAgreementTest.simulate(e);
            assertTrue(k.accepted() && s.ok(), e.name() + ": kernel " + k.accepted() + ", simulator " + s);
            Matcher m = PROCESSED.matcher(k.log());
            assertTrue(m.find(), e.name() + ": no instruction count in the kernel's log");
            double ratio = Double.parseDouble(m.group(1)) / s.processedInsns();
            System.out.printf("  %-40s kernel %7s  simulator %7d  ratio %.2f%n", e.name(), m.group(1), s.processedInsns(), ratio);
            if (ratio > worst) { worst = ratio; worstAt = e.name() + " (kernel " + m.group(1) + ", simulator " + s.processedInsns() + ")"; }
        }
        System.out.printf("kernel/simulator processed instructions, worst of %d accepted programs: %.2f at %s%n", programs.size(), worst, worstAt);
        assertTrue(worst <= AbstractInterpreter.KERNEL_FACTOR, "the kernel processed " + worst + " times the simulation at " + worstAt);
    }
}
