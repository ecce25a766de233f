package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.jbpf.sim.kernel.Corpus.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.MapSpec;

/**
 * Scalars linked by a copy (the kernel's scalar ids, with a constant delta since 6.11): a bound a branch learns on
 * one register reaches its copies, shifted by the constant added to them. Each program offsets an 8-byte read of a
 * 16-byte map value by a copy, so the kernel accepts exactly when the link carried a bound [0, 8] to it; the near
 * misses beside each are refused, and so are the copies the kernel does not link. The last pair checks pruning: a
 * state whose copy is linked must not cover one whose same-looking copy is not.
 */
final class LinkedScalarsCorpus {
    private LinkedScalarsCorpus() {}

    private static final List<Entry> ALL = new ArrayList<>();
    private static final List<MapSpec> TABLE = List.of(ARRAY);

    private static void ok(String name, Insn... insns) { ALL.add(new Entry(name, TP, TABLE, List.of(insns), true, null)); }

    private static void bad(String name, String message, Insn... insns) {
        ALL.add(new Entry(name, TP, TABLE, List.of(insns), false, message));
    }

    /** r6 = a value of the table (or exit 0), r2 = a random number in [0, 255]. */
    private static Insn[] valueAndRandom() {
        return cat(keyOnStack("table"), call(1), jumpImm(JNE, R0, 0, 2), mov64Imm(R0, 0), exit(), mov64Reg(R6, R0),
                call(7), mov64Reg(R2, R0), alu64Imm(AND, R2, 255));
    }

    /** Tests r2 in [lo, hi] (else exits 0), then reads 8 bytes at r6 + r3. */
    private static Insn[] boundThenRead(int lo, int hi) {
        return new Insn[] { jumpImm(JLT, R2, lo, 4), jumpImm(JGT, R2, hi, 3), alu64Reg(ADD, R6, R3), load(8, R0, R6, 0),
                mov64Imm(R0, 0), mov64Imm(R0, 0), exit() };
    }

    private static final String TOO_FAR = "R6 max value is outside of the allowed memory range";

    private static final String NEGATIVE = "R6 min value is negative, either use unsigned index or do a if (index >=0) check.";

    static {
        // r3 = r2 - 8: r2 in [8, 16] puts r3 in [0, 8]; [8, 17] lets it reach byte 9
        ok("linked_copy_with_negative_delta", cat(valueAndRandom(), mov64Reg(R3, R2), alu64Imm(ADD, R3, -8), boundThenRead(8, 16)));
        bad("linked_copy_with_negative_delta_one_past", TOO_FAR,
                cat(valueAndRandom(), mov64Reg(R3, R2), alu64Imm(ADD, R3, -8), boundThenRead(8, 17)));
        // the same link made by a subtraction, and by 32-bit copies of a value that fits in 32 bits
        ok("linked_copy_by_subtraction", cat(valueAndRandom(), mov64Reg(R3, R2), alu64Imm(SUB, R3, 8), boundThenRead(8, 16)));
        ok("linked_32_bit_copy", cat(valueAndRandom(), mov32Reg(R3, R2), boundThenRead(0, 8)));
        // a 32-bit add links when the copy fits in 32 bits: the copy is the low half of the sum
        ok("linked_32_bit_add", cat(valueAndRandom(), mov64Reg(R3, R2), alu32Imm(ADD, R3, -8), boundThenRead(8, 16)));
        bad("linked_32_bit_add_one_past", TOO_FAR, cat(valueAndRandom(), mov64Reg(R3, R2), alu32Imm(ADD, R3, -8), boundThenRead(8, 17)));
        // a bound on the 32-bit sum reaches the original through the low half: w3 = r2 - 8 wraps for r2 below 8, so
        // w3 >= 0xfffffff8 puts r2 in [0, 7]; read at r6 + 1 + r2 that fits the value, at r6 + 2 + r2 it does not
        for (int extra : new int[] { 1, 2 }) {
            Insn[] p = cat(valueAndRandom(), alu64Imm(AND, R2, 15), mov64Reg(R3, R2), alu32Imm(ADD, R3, -8),
                    mov32Imm(R4, 0xfffffff8L), jumpReg(JLT, R3, R4, 4), alu64Imm(ADD, R6, extra), alu64Reg(ADD, R6, R2), load(8, R0, R6, 0),
                    mov64Imm(R0, 0), mov64Imm(R0, 0), exit());
            if (extra == 1) ok("bound_on_wrapped_32_bit_sum_reaches_original", p);
            else bad("bound_on_wrapped_32_bit_sum_one_past", TOO_FAR, p);
        }
        // a second constant added to the copy breaks the link: the kernel keeps one delta only
        bad("copy_with_two_constants_added_is_not_linked", NEGATIVE,
                cat(valueAndRandom(), mov64Reg(R3, R2), alu64Imm(ADD, R3, -4), alu64Imm(ADD, R3, -4), boundThenRead(8, 16)));
        // a link through a spilled copy, filled back after the branch; spilling a copy that carries a delta copies it
        // again, which starts a new link without the delta (the kernel's assign_scalar_id_before_mov), so that one
        // is not bounded
        for (int delta : new int[] { 0, -8 }) {
            Insn[] shift = delta == 0 ? new Insn[0] : new Insn[] { alu64Imm(ADD, R3, delta) };
            Insn[] p = cat(valueAndRandom(), mov64Reg(R3, R2), shift, store(8, R10, -16, R3),
                    mov64Imm(R3, 0), jumpImm(JLT, R2, -delta, 5), jumpImm(JGT, R2, 8 - delta, 4), load(8, R3, R10, -16),
                    alu64Reg(ADD, R6, R3), load(8, R0, R6, 0), mov64Imm(R0, 0), mov64Imm(R0, 0), exit());
            if (delta == 0) ok("linked_copy_spilled_and_filled", p);
            else bad("spilled_copy_with_a_delta_starts_a_new_link", NEGATIVE, p);
        }
        // the bound learnt on the copy reaches the original too
        ok("bound_on_copy_reaches_original", cat(valueAndRandom(), mov64Reg(R3, R2), alu64Imm(ADD, R3, 8),
                jumpImm(JGT, R3, 16, 3), alu64Reg(ADD, R6, R2), load(8, R0, R6, 0), mov64Imm(R0, 0), mov64Imm(R0, 0), exit()));
        // one path copies r2 to r3 (linked), the other draws r3 afresh in the same range; at the join the linked
        // state must not cover the other, whose r3 the test of r2 does not bound
        for (boolean bothLinked : new boolean[] { true, false }) {
            Insn[] other = bothLinked ? new Insn[] { mov64Reg(R3, R7) } : new Insn[] { call(7), mov64Reg(R3, R0), alu64Imm(AND, R3, 255) };
            Insn[] p = cat(valueAndRandom(), mov64Reg(R7, R2), call(7), mov64Reg(R8, R0), alu64Imm(AND, R8, 1),
                    jumpImm(JEQ, R8, 0, 2), mov64Reg(R3, R7), ja(other.length), other,
                    jumpImm(JGT, R7, 8, 3), alu64Reg(ADD, R6, R3), load(8, R0, R6, 0), mov64Imm(R0, 0), mov64Imm(R0, 0), exit());
            if (bothLinked) ok("join_of_linked_copies", p);
            else bad("join_of_linked_and_unlinked_copy", TOO_FAR, p);
        }
    }

    static List<Entry> all() { return List.copyOf(ALL); }
}
