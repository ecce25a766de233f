package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.jbpf.sim.kernel.Corpus.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;

/**
 * What 6.18 knows of a number's low 32 bits, found by random agreement (seed 70630011) where the simulation knew
 * less and refused what the kernel loads: a 32-bit arithmetic shift works on the low half's signed range and bit 31;
 * a branch keeps the low half's signed range it had; a signed range across zero meets the unsigned range on one side
 * only; a 32-bit compare that contradicts the known bits leaves the bits; a subtraction where every value wraps
 * keeps its range, and so does an addition; a multiplication takes the least and greatest of its corner products,
 * in 64 bits and in the low half's signed range. Each comes with a neighbour the kernel refuses, so that the
 * simulation does not learn too much.
 */
final class SubRegisterCorpus {
    private SubRegisterCorpus() {}

    private static final List<Entry> ALL = new ArrayList<>();

    /**
     * r6 = a random number, then {@code narrow}; fp-64..fp-8 zeroed; then {@code guards}, each jumping to the exit on
     * its taken edge; then a {@code size}-byte read at fp-64 + r6.
     */
    private static void add(String name, boolean expectOk, String message, int size, Insn[] narrow, Insn... guards) {
        List<Insn> p = new ArrayList<>(List.of(call(7), mov64Reg(R6, R0)));
        p.addAll(List.of(narrow));
        for (int off = -64; off < 0; off += 8) p.add(storeImm(8, R10, off, 0));
        for (int i = 0; i < guards.length; i++) p.add(guards[i].withOff(guards.length - i + 2));
        p.addAll(List.of(mov64Reg(R7, R10), alu64Reg(ADD, R7, R6), load(size, R8, R7, -64), mov64Imm(R0, 0), exit()));
        ALL.add(new Entry(name, SOCKET, List.of(), p, expectOk, message));
    }

    static {
        // w6 s>>= 31 is 0 or -1 in the low half; zero-extended, below 61 it can only be 0
        add("arsh32_by_31_is_zero_or_minus_one", true, null, 2,
                new Insn[] { alu32Imm(ARSH, R6, 31) }, jumpImm(JSGT, R6, 60, 0));
        add("arsh32_by_30_may_be_one", false, "misaligned stack access off (0x0; 0x1)+0+-64 size 2", 2,
                new Insn[] { alu32Imm(ARSH, R6, 30) }, jumpImm(JSGT, R6, 60, 0));
        // (x | -8) s>> 27 is -1 whatever x is: plus 1 it is 0
        add("arsh32_of_a_negative_low_half_stays_negative", true, null, 8,
                new Insn[] { alu32Imm(OR, R6, -8), alu32Imm(ARSH, R6, 27), alu32Imm(ADD, R6, 1) });
        add("arsh32_of_a_wider_negative_range_keeps_its_spread", false, "misaligned stack access off (0x0; 0x7)+0+-64 size 8", 8,
                new Insn[] { alu32Imm(OR, R6, -64), alu32Imm(ARSH, R6, 3), alu32Imm(ADD, R6, 8) });
        // (x << 18) * 63 has its low 18 bits clear: in [57, 63] as an s32 the bits say 56, and the kernel takes 56
        add("low_half_in_a_range_its_bits_rule_out_is_what_the_bits_say", true, null, 8,
                new Insn[] { alu32Imm(LSH, R6, 18), alu32Imm(MUL, R6, 63) }, jump32Imm(JSGT, R6, 63, 0), jump32Imm(JSLE, R6, 56, 0));
        add("low_half_whose_bits_allow_the_range_is_read_at_it", false, "misaligned stack access off 0+58+-64 size 8", 8,
                new Insn[] { alu32Imm(OR, R6, 1), alu32Imm(LSH, R6, 1) }, jump32Imm(JSGT, R6, 59, 0), jump32Imm(JSLE, R6, 56, 0));
        // (x | 31) << 7 is 3968 or more unsigned: below 60 as an s32 it is negative, and never above 56
        add("low_half_below_60_and_at_least_3968_is_negative", true, null, 4,
                new Insn[] { alu32Imm(OR, R6, 31), alu32Imm(LSH, R6, 7) }, jump32Imm(JSGE, R6, 60, 0), jump32Imm(JSLE, R6, 56, 0));
        add("low_half_below_60_and_at_least_2_may_be_58", false, "misaligned stack access off 0+58+-64 size 8", 8,
                new Insn[] { alu32Imm(OR, R6, 1), alu32Imm(LSH, R6, 1) }, jump32Imm(JSGE, R6, 60, 0), jump32Imm(JSLE, R6, 56, 0));
        // [0, 5] - 6 wraps for every value: [-6, -1], so plus 6 it is [0, 5] again
        add("sub32_where_every_value_wraps_keeps_its_range", true, null, 1,
                new Insn[] { alu32Imm(AND, R6, 7), jump32Imm(JGT, R6, 5, 3), alu32Imm(SUB, R6, 6), alu32Imm(ADD, R6, 6) });
        add("sub32_where_every_value_wraps_is_near_2_to_the_32", false, "value 4294967290 makes fp pointer be out of bounds", 1,
                new Insn[] { alu32Imm(AND, R6, 7), jump32Imm(JGT, R6, 5, 3), alu32Imm(SUB, R6, 6), alu32Imm(ADD, R6, 0) });
        // (x s>> 31) * -1 in 32 bits is 0 or 1, from the low half's signed range; * 3 it is 0 or 3
        add("mul32_of_zero_or_minus_one_by_minus_one_is_zero_or_one", true, null, 1,
                new Insn[] { alu32Imm(ARSH, R6, 31), alu32Imm(MUL, R6, -1) }, jumpImm(JSGT, R6, 60, 0));
        add("mul32_of_zero_or_minus_one_by_minus_three_may_be_three", false, "misaligned stack access off (0x0; 0x3)+0+-64 size 2", 2,
                new Insn[] { alu32Imm(ARSH, R6, 31), alu32Imm(MUL, R6, -3) }, jumpImm(JSGT, R6, 60, 0));
        // [-3, 2] * [-2, 1] is [-4, 6] in 64 bits: plus 4 it is [0, 10]
        add("mul64_of_signed_ranges_takes_the_corner_products", true, null, 1,
                new Insn[] { alu64Imm(AND, R6, 7), jumpImm(JGT, R6, 5, 6), alu64Imm(SUB, R6, 3), call(7), alu64Imm(AND, R0, 3),
                        alu64Imm(SUB, R0, 2), alu64Reg(MUL, R6, R0), alu64Imm(ADD, R6, 4) });
        add("mul64_of_signed_ranges_reaches_the_corners", false, null, 8,
                new Insn[] { alu64Imm(AND, R6, 7), jumpImm(JGT, R6, 5, 6), alu64Imm(SUB, R6, 3), call(7), alu64Imm(AND, R0, 3),
                        alu64Imm(SUB, R0, 2), alu64Reg(MUL, R6, R0), alu64Imm(ADD, R6, 4) });
        // [2^63, 2^63 + 5] + 2^63 wraps for every value, back to [0, 5]; its signed sum overflows for some
        add("add64_where_every_value_wraps_keeps_its_range", true, null, 1,
                new Insn[] { alu64Imm(AND, R6, 7), jumpImm(JGT, R6, 5, 4), mov64Imm(R7, 1), alu64Imm(LSH, R7, 63),
                        alu64Reg(ADD, R6, R7), alu64Reg(ADD, R6, R7) });
        add("add64_where_no_value_wraps_is_near_2_to_the_63", false,
                "math between fp pointer and register with unbounded min value is not allowed", 1,
                new Insn[] { alu64Imm(AND, R6, 7), jumpImm(JGT, R6, 5, 4), mov64Imm(R7, 1), alu64Imm(LSH, R7, 63),
                        alu64Reg(ADD, R6, R7), alu64Imm(ADD, R6, 0) });
    }

    static List<Entry> all() { return ALL; }
}
