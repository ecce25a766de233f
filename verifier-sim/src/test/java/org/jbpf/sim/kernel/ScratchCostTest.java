package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

class ScratchCostTest {
    static void p(String name, String sec, Insn... in) {
        long t0 = System.nanoTime();
        KernelBpf.LoadResult k = KernelRunner.verify(sec, List.of(), List.of(in));
        long t1 = System.nanoTime();
        VerifierResult s = KernelAgreementTest.simulate(new Corpus.Entry(name, sec, List.of(), List.of(in), true));
        long t2 = System.nanoTime();
        System.out.println("COST " + name + ": kernel " + (t1 - t0) / 1_000_000 + " ms " + (k.accepted() ? "accept" : "reject: " + KernelRunner.reason(k.log()))
                + " | sim " + (t2 - t1) / 1_000_000 + " ms " + (s.ok() ? "accept" : "reject: " + s.errors().get(0).kernelMessage()) + " processed " + s.processedInsns());
    }
    @Test void cost() {
        String S = "socket";
        p("count_up_unknown", S, call(7), mov64Reg(R1, R0), alu64Imm(ADD, R1, 1), jumpImm(JNE, R1, 0, -2), mov64Imm(R0, 0), exit());
        p("count_up_from_0_to_unknown", S, call(7), mov64Reg(R2, R0), mov64Imm(R1, 0), alu64Imm(ADD, R1, 1), jumpReg(JNE, R1, R2, -2), mov64Imm(R0, 0), exit());
        p("count_up_big", S, mov64Imm(R1, 0), alu64Imm(ADD, R1, 1), jumpImm(JLT, R1, 10_000_000, -2), mov64Imm(R0, 0), exit());
        p("loop_pushes_exit", S, call(7), mov64Reg(R2, R0), mov64Imm(R1, 0), jumpReg(JEQ, R1, R2, 2), alu64Imm(ADD, R1, 1), ja(-3), mov64Imm(R0, 0), exit());
        p("loop_pushes_exit_bigstack", S, bigStack());
    }
    static Insn[] bigStack() {
        java.util.List<Insn> l = new java.util.ArrayList<>();
        for (int i = 1; i <= 64; i++) l.add(storeImm(8, R10, -8 * i, i));
        l.add(call(7)); l.add(mov64Reg(R2, R0)); l.add(mov64Imm(R1, 0));
        l.add(jumpReg(JEQ, R1, R2, 2)); l.add(alu64Imm(ADD, R1, 1)); l.add(ja(-3)); l.add(mov64Imm(R0, 0)); l.add(exit());
        return l.toArray(new Insn[0]);
    }
    static Insn[] diamonds(int n) {
        java.util.List<Insn> l = new java.util.ArrayList<>();
        l.add(call(7)); l.add(mov64Reg(R6, R0)); l.add(mov64Imm(R7, 0));
        for (int i = 0; i < n; i++) { l.add(jumpImm(JSET, R6, 1L << (i % 31), 1)); l.add(alu64Imm(ADD, R7, i + 1)); }
        l.add(mov64Reg(R0, R7)); l.add(exit());
        return l.toArray(new Insn[0]);
    }
}
