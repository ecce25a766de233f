package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;

/**
 * Programs whose cost depends on how well states are pruned: many independent if/else diamonds, and nested loops
 * with a diamond inside. In both a sum differs between the arms of every diamond but only ever reaches a branch
 * whose outcome it cannot decide, so the kernel never needs its exact value.
 */
public final class PruningShapes {
    private PruningShapes() {}

    /** {@code n} diamonds on the bits of one random number, each adding 1 or 2 to a sum, then a branch on sum + random. */
    public static List<Insn> diamonds(int n) {
        List<Insn> p = new ArrayList<>(List.of(call(7), mov64Reg(R6, R0), mov64Imm(R7, 0)));
        for (int i = 0; i < n; i++)
            p.addAll(List.of(mov64Reg(R1, R6), alu64Imm(RSH, R1, i), alu64Imm(AND, R1, 1), jumpImm(JEQ, R1, 0, 2),
                    alu64Imm(ADD, R7, 1), ja(1), alu64Imm(ADD, R7, 2)));
        p.addAll(sumMeetsAnUndecidedBranch(R7));
        return p;
    }

    /** {@code outer} times {@code inner} iterations of a diamond on a random bit adding 1 or 3 to a sum. */
    public static List<Insn> nestedLoops(int outer, int inner) {
        List<Insn> p = new ArrayList<>(List.of(mov64Imm(R6, 0), mov64Imm(R8, 0), mov64Imm(R7, 0), call(7),
                alu64Imm(AND, R0, 1), jumpImm(JEQ, R0, 0, 2), alu64Imm(ADD, R8, 1), ja(1), alu64Imm(ADD, R8, 3),
                alu64Imm(ADD, R7, 1), jumpImm(JLT, R7, inner, -8), alu64Imm(ADD, R6, 1), jumpImm(JLT, R6, outer, -11)));
        p.addAll(sumMeetsAnUndecidedBranch(R8));
        return p;
    }

    /** As {@link #nestedLoops}, with a call of a BPF function (r0 = r1 + 1) on the inner counter in the body. */
    public static List<Insn> nestedLoopsCalling(int outer, int inner) {
        List<Insn> p = new ArrayList<>(List.of(mov64Imm(R6, 0), mov64Imm(R8, 0), mov64Imm(R7, 0), call(7),
                alu64Imm(AND, R0, 1), jumpImm(JEQ, R0, 0, 2), alu64Imm(ADD, R8, 1), ja(1), alu64Imm(ADD, R8, 3),
                mov64Reg(R1, R7), new Insn(JMP | CALL, 0, PSEUDO_CALL, 0, 0), alu64Imm(ADD, R7, 1),
                jumpImm(JLT, R7, inner, -10), alu64Imm(ADD, R6, 1), jumpImm(JLT, R6, outer, -13)));
        p.addAll(sumMeetsAnUndecidedBranch(R8));
        int call = 10, f = p.size();
        p.set(call, new Insn(JMP | CALL, 0, PSEUDO_CALL, 0, f - call - 1));
        p.addAll(List.of(mov64Reg(R0, R1), alu64Imm(ADD, R0, 1), exit()));
        return p;
    }

    /** r0 = random + sum; if r0 > 1000 it returns 1, else 0: no outcome is decided by the sum alone. */
    private static List<Insn> sumMeetsAnUndecidedBranch(int sum) {
        return List.of(call(7), alu64Reg(ADD, R0, sum), jumpImm(JGT, R0, 1000, 2), mov64Imm(R0, 0), exit(),
                mov64Imm(R0, 1), exit());
    }
}
