package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.jbpf.sim.kernel.Corpus.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;

/**
 * What 6.18 knows of a scalar that the simulation first did not, found by random agreement where it refused what
 * the kernel loads: the low half's unsigned range kept apart from the 64-bit one, through 64-bit arithmetic and
 * 32-bit compares; a value known to be 0 or -1 followed on two paths at AND and OR with a constant; an array key
 * read as a constant from a spilled register; a range and known bits that share a single value; a sign extension
 * from 32 bits, whose range is the low half's signed one and whose known bits are the low half's; a pointer that
 * cannot be null (a map value, a map reference) compared with 0 in 64 bits (in 32 bits its low half may be 0, and
 * the kernel follows both edges). Each comes with a neighbour the kernel refuses, so that the simulation does not
 * learn too much.
 */
final class RangeRulesCorpus {
    private RangeRulesCorpus() {}

    private static final List<Entry> ALL = new ArrayList<>();

    private static void add(String name, boolean ok, String message, Insn... insns) {
        ALL.add(new Entry(name, SOCKET, List.of(ARRAY), List.of(insns), ok, message));
    }

    /** fp-64..fp-8 zeroed, so that any byte there may be read. */
    private static Insn[] zeroedStack() {
        Insn[] z = new Insn[8];
        for (int i = 0; i < 8; i++) z[i] = storeImm(8, R10, -64 + 8 * i, 0);
        return z;
    }

    /** The tail every program ends with: r0 = 0, exit. */
    private static final Insn[] EXIT = { mov64Imm(R0, 0), exit() };

    /**
     * r6 = random with its low half zero, plus r8 in [0, {@code max}]: its low half's unsigned range is [0, max],
     * while its 64-bit range and its known bits say far less; zero-extended, it offsets a byte read at fp-24.
     */
    private static Insn[] lowHalfOffset(int max) {
        return cat(zeroedStack(), call(7), mov64Reg(R6, R0), ldImm64(R7, 0xffffffff00000000L), alu64Reg(AND, R6, R7),
                call(7), mov64Reg(R8, R0), jumpImm(JGT, R8, max, 5), alu64Reg(ADD, R6, R8), alu32Reg(MOV, R6, R6),
                mov64Reg(R7, R10), alu64Reg(ADD, R7, R6), load(1, R0, R7, -24), EXIT);
    }

    /** r6 s>>= 63 is 0 or -1; {@code op} 40 then makes it 0 or 40 on two paths, and 8 is never reached. */
    private static Insn[] zeroOrMinusOne(Insn widen, int op) {
        return cat(call(7), mov64Reg(R6, R0), alu64Imm(ARSH, R6, 63), widen, alu64Imm(op, R6, 40),
                jumpImm(JNE, R6, 8, 1), load(8, R0, R0, 0), EXIT);
    }

    /** A lookup in the 8-entry array with the key at {@code keyAt}, after a 64-bit store of {@code stored} at fp-8. */
    private static Insn[] constantKey(int stored, int keyAt) {
        return cat(storeImm(8, R10, -8, stored), mov64Reg(R2, R10), alu64Imm(ADD, R2, keyAt), ldMap(R1, ARRAY.name()),
                call(1), load(8, R0, R0, 0), EXIT);
    }

    /** w6 s>>= 15 | 31 below {@code limit}: with 31 known in its bits, {31} alone when limit is 60, {31, 63} at 64. */
    private static Insn[] singleValue(int limit) {
        return cat(call(7), mov64Reg(R6, R0), alu32Imm(ARSH, R6, 15), alu32Imm(OR, R6, 31), jumpImm(JSGE, R6, limit, 2),
                jumpImm(JEQ, R6, 31, 1), load(8, R0, R0, 0), EXIT);
    }

    static {
        // the low half's unsigned range through a 64-bit add and a 32-bit move: [0, 20] read at fp-24, not the bits' [0, 31]
        add("low_half_range_through_a_64_bit_add", true, null, lowHalfOffset(20));
        add("low_half_range_through_a_64_bit_add_past_the_frame", false,
                "invalid variable-offset read from stack R7 var_off=(0x0; 0x1f) off=-24 size=1", lowHalfOffset(24));
        // a 32-bit compare narrows only the low half; a 32-bit move makes that the value
        add("jmp32_narrows_the_low_half", true, null, cat(zeroedStack(), call(7), mov64Reg(R6, R0), jump32Imm(JGT, R6, 20, 4),
                alu32Reg(MOV, R6, R6), mov64Reg(R7, R10), alu64Reg(ADD, R7, R6), load(1, R0, R7, -24), EXIT));
        add("jmp32_narrows_the_low_half_past_the_frame", false,
                "invalid variable-offset read from stack R7 var_off=(0x0; 0x1f) off=-24 size=1",
                cat(zeroedStack(), call(7), mov64Reg(R6, R0), jump32Imm(JGT, R6, 24, 4),
                alu32Reg(MOV, R6, R6), mov64Reg(R7, R10), alu64Reg(ADD, R7, R6), load(1, R0, R7, -24), EXIT));
        // r7 = r7 + 1 - r2 with r2's low half shrinking to [-1, 0]: the low half's range grows each round, so the loop ends
        add("loop_whose_low_half_range_changes_each_round", true, null, cat(load(4, R2, R1, 40), mov64Imm(R7, 0),
                alu64Imm(ADD, R7, 1), alu64Reg(SUB, R7, R2), alu32Imm(ARSH, R2, 14), jumpImm(JLT, R7, 5, -4), EXIT));
        add("loop_that_changes_nothing", false, "infinite loop detected at insn 5", cat(load(4, R2, R1, 40), mov64Imm(R7, 0),
                alu64Imm(ADD, R7, 1), alu64Imm(SUB, R7, 1), alu32Imm(ARSH, R2, 14), jumpImm(JLT, R7, 5, -4), EXIT));
        // 0 or -1, AND or OR with a constant: two paths, 0 or 40 and 40 or -1, neither 8
        add("and_of_zero_or_minus_one_forks", true, null, zeroOrMinusOne(mov64Reg(R1, R6), AND));
        add("or_of_zero_or_minus_one_forks", true, null, zeroOrMinusOne(mov64Reg(R1, R6), OR));
        add("and_of_minus_two_to_zero_is_a_range", false, "R0 invalid mem access 'scalar'", zeroOrMinusOne(alu64Reg(ADD, R6, R6), AND));
        // the key at fp-4 is the whole value spilled at fp-8, here 2 and in range: the lookup cannot fail
        add("array_key_from_a_spilled_constant", true, null, constantKey(2, -4));
        add("array_key_from_a_spilled_constant_out_of_range", false, "R0 invalid mem access 'map_value_or_null'", constantKey(9, -4));
        add("array_key_over_a_wider_spill", false, "R0 invalid mem access 'map_value_or_null'", constantKey(2, -8));
        add("single_value_the_range_and_bits_share", true, null, singleValue(60));
        add("two_values_the_range_and_bits_share", false, "R0 invalid mem access 'scalar'", singleValue(64));
    }

    /** A lookup in {@code map} with key 0, then {@code w6 += 1} unless the value, in 32 bits, is not 0. */
    private static Insn[] pointerTested32(String map) {
        return cat(storeImm(4, R10, -4, 0), mov64Reg(R2, R10), alu64Imm(ADD, R2, -4), ldMap(R1, map), call(1),
                mov64Reg(R6, R0), jump32Imm(JNE, R6, 0, 1), alu32Imm(ADD, R6, 1), EXIT);
    }

    /**
     * r6 = (s32) (random {@code s>>} {@code shift} in 32 bits), then a read through 0 unless r6 {@code s<=} 31: the
     * sign extension from 32 bits keeps the low half's signed range (found by wider seed 2594503171870, program 140).
     */
    private static Insn[] signExtendedFrom32(int shift) {
        return cat(new Insn[] { call(7), mov64Reg(R6, R0), alu32Imm(ARSH, R6, shift), movsx64(R6, R6, 32), mov64Imm(R7, 0),
                jumpImm(JSLE, R6, 31, 1), load(8, R0, R7, 0) }, EXIT);
    }

    /**
     * r6 = (s32) (random {@code |} {@code low} in 32 bits), then a read through 0 unless w6 {@code >} 56: the sign
     * extension keeps the low half's known bits (found by CI seed 6255218463944, program 4718).
     */
    private static Insn[] signExtendedBitsFrom32(int low) {
        return cat(new Insn[] { call(7), mov64Reg(R6, R0), alu32Imm(OR, R6, low), movsx64(R6, R6, 32), mov64Imm(R7, 0),
                jump32Imm(JGT, R6, 56, 1), load(8, R0, R7, 0) }, EXIT);
    }

    /**
     * r6 = (s32) (random {@code <<} 14 {@code |} {@code low} in 32 bits), bounded to [0, 62], then a 4-byte store at
     * r10 + r6 - 64: the known low bits do not survive the extension, so only a range bounds the offset and the store
     * may be misaligned (CI seed 6255218463944, program 1018), unless the range alone makes it aligned.
     */
    private static Insn[] signExtendedOffset(int low, long bound) {
        Insn[] zero = new Insn[8];
        for (int k = 0; k < 8; k++) zero[k] = storeImm(8, R10, -64 + 8 * k, 0);
        return cat(cat(new Insn[] { call(7), mov64Reg(R6, R0), alu32Imm(LSH, R6, 14), alu32Imm(OR, R6, low), movsx64(R6, R6, 32) },
                zero), cat(new Insn[] { jump32Imm(JSGE, R6, 0x38, 4), jumpImm(JGE, R6, bound, 3), mov64Reg(R7, R10), alu64Reg(ADD, R7, R6),
                storeImm(4, R7, -64, 1) }, EXIT));
    }

    /** As {@link #pointerTested32}, with the value compared with 0 in 64 bits. */
    private static Insn[] pointerTested64(String map) {
        return cat(storeImm(4, R10, -4, 0), mov64Reg(R2, R10), alu64Imm(ADD, R2, -4), ldMap(R1, map), call(1),
                mov64Reg(R6, R0), jumpImm(JNE, R6, 0, 1), alu32Imm(ADD, R6, 1), EXIT);
    }

    static {
        add("sign_extension_from_32_bits_keeps_the_known_bits", true, null, signExtendedBitsFrom32(63));
        add("sign_extension_from_32_bits_of_fewer_known_bits", false, "R7 invalid mem access 'scalar'", signExtendedBitsFrom32(31));
        add("sign_extension_from_32_bits_keeps_the_signed_range", true, null, signExtendedFrom32(26));
        add("sign_extension_from_32_bits_of_a_wider_range", false, "R7 invalid mem access 'scalar'", signExtendedFrom32(25));
        add("sign_extension_from_32_bits_drops_the_known_bits", false, "misaligned stack access off (0x0; 0x3f)+0+-64 size 4",
                signExtendedOffset(4, 0x3f));
        add("sign_extension_from_32_bits_to_a_single_offset", true, null, signExtendedOffset(4, 1));
        // 6.18.44 decides a compare of a pointer that cannot be null with 0 in 64 bits only: in 32 bits both edges are
        // followed, and the one where the low half is 0 reaches the 32-bit add to the pointer
        ALL.add(new Entry("value_that_cannot_be_null_is_not_decided_in_32_bits", SOCKET, List.of(ARRAY), List.of(pointerTested32(ARRAY.name())), false,
                "R6 32-bit pointer arithmetic prohibited"));
        ALL.add(new Entry("value_that_cannot_be_null_is_not_0_in_64_bits", SOCKET, List.of(ARRAY), List.of(pointerTested64(ARRAY.name())), true, null));
        ALL.add(new Entry("value_that_may_be_null_tested_in_32_bits", SOCKET, List.of(HASH), List.of(pointerTested32(HASH.name())), false,
                "R6 32-bit pointer arithmetic prohibited"));
        add("map_reference_compared_with_0_is_decided", true, null,
                mov64Imm(R7, 0), ldMap(R6, ARRAY.name()), jumpImm(JNE, R6, 0, 1), load(8, R0, R7, 0), mov64Imm(R0, 0), exit());
    }

    static List<Entry> all() { return ALL; }
}
