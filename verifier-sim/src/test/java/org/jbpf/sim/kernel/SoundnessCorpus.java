package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.jbpf.sim.kernel.Corpus.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;

/**
 * Programs the kernel refuses that the simulator once accepted, each kept with the kernel's exact reason, and the
 * near misses beside them that the kernel accepts: map access flags, frame pointer arithmetic, shifts, division,
 * pointer types per instruction, function structure and reserved instruction fields.
 */
final class SoundnessCorpus {
    private SoundnessCorpus() {}

    static final MapSpec READ_ONLY = new MapSpec("ro", MapTypes.HASH, 4, 16, 8, 1 << 7, 0, 0);
    static final MapSpec WRITE_ONLY = new MapSpec("wo", MapTypes.HASH, 4, 16, 8, 1 << 8, 0, 0);

    static final MapSpec PROG_ARRAY = new MapSpec("progs", MapTypes.PROG_ARRAY, 4, 4, 4, 0, 0, 0);

    private static final List<Entry> ALL = new ArrayList<>();
    private static final List<MapSpec> NONE = List.of();

    private static void ok(String name, String section, List<MapSpec> maps, Insn... insns) {
        ALL.add(new Entry(name, section, maps, List.of(insns), true, null));
    }

    private static void bad(String name, String message, String section, List<MapSpec> maps, Insn... insns) {
        ALL.add(new Entry(name, section, maps, List.of(insns), false, message));
    }

    /** A program the kernel refuses as too complex; the simulator must refuse it too, in its own words. */
    private static void tooComplex(String name, String section, Insn... insns) {
        ALL.add(new Entry(name, section, NONE, List.of(insns), false, null));
    }

    /** Looks up key 0 of {@code map}; r0 = value or null. */
    private static Insn[] lookup(String map) { return cat(keyOnStack(map), call(1)); }

    /** r0 = 0, then, when {@code reg} is not {@code value}, dereferences r0 (refused): proves the kernel knows reg. */
    private static Insn[] provesEqual(int reg, int value) {
        return new Insn[] { mov64Imm(R0, 0), jumpImm(JEQ, reg, value, 1), load(8, R0, R0, 0), exit() };
    }

    static {
        // ---- a narrow fill from a spilled constant: the kernel keeps the value only when the read takes the slot's
        // low bytes; the high half of a spilled 8 reads as unknown (random seed 35515357449021, program 2819), so the
        // masked offset may be misaligned, while a spilled zero reads as zero from anywhere -------------------------
        bad("narrow_fill_from_high_half_of_spill_is_unknown", "misaligned stack access off (0x0; 0x7)+0+-16 size 8", SOCKET,
                NONE, mov64Imm(R1, 8), store(8, R10, -8, R1), storeImm(8, R10, -16, 0), load(4, R7, R10, -4),
                alu64Imm(AND, R7, 7), mov64Reg(R8, R10), alu64Reg(ADD, R8, R7), load(8, R9, R8, -16), mov64Imm(R0, 0), exit());
        ok("narrow_fill_from_low_half_of_spill_keeps_value", SOCKET, NONE, cat(new Insn[] { mov64Imm(R1, 8),
                store(8, R10, -8, R1), load(4, R7, R10, -8) }, provesEqual(R7, 8)));
        ok("narrow_fill_from_high_half_of_spilled_zero_is_zero", SOCKET, NONE, cat(new Insn[] { mov64Imm(R1, 0),
                store(8, R10, -8, R1), load(4, R7, R10, -4) }, provesEqual(R7, 0)));
        // ---- a negated value bounded from above: the kernel keeps the upper signed bound loose (random seed
        // 25161133349298, program 989), so the masked offset may be misaligned -----------------------------------
        bad("negated_value_below_a_bound_stays_unknown", "misaligned stack access off (0x0; 0x7)+0+-8 size 8", SOCKET, NONE,
                storeImm(4, R10, -8, 682344), mov64Reg(R1, R10), alu64Imm(ADD, R1, -8), mov64Imm(R2, 4), call(6),
                alu32Reg(AND, R0, R0), alu64Reg(ADD, R0, R0), neg64(R0), jumpImm(JGE, R0, 0x7fffffff, 5),
                mov64Reg(R8, R10), alu64Imm(AND, R0, 7), alu64Reg(ADD, R8, R0), load(8, R9, R8, -8), mov64Imm(R0, 2), exit());
        // ---- a signed 32-bit compare narrows the low half when the range it leaves lies on one side of zero, and the
        // 64-bit bounds with it (__reg_deduce_mixed_bounds): a random u32 (w0 = w0) tested 5 <= w0 <= 8 as s32 may
        // offset an 8-byte read of a 16-byte value, <= 9 may not ------------------------------------------------------
        for (int max : new int[] { 8, 9 }) {
            Insn[] p = cat(lookup("table"), jumpImm(JEQ, R0, 0, 8), mov64Reg(R6, R0), call(7), mov32Reg(R0, R0),
                    jump32Imm(JSLT, R0, 5, 4), jump32Imm(JSGT, R0, max, 3), alu64Reg(ADD, R6, R0), load(8, R0, R6, 0),
                    mov64Imm(R0, 0), exit());
            if (max == 8) ok("jmp32_signed_range_bounds_an_offset", TP, List.of(ARRAY), p);
            else bad("jmp32_signed_range_one_past_the_value", "R6 max value is outside of the allowed memory range", TP, List.of(ARRAY), p);
        }
        // ---- a sign-extended byte in [-128, 127] whose low half an unsigned 32-bit compare puts below 9 is in [0, 8]:
        // a value in the signed 32-bit range is its low half sign-extended (random probes seed 7063, program 13) -----
        for (int max : new int[] { 8, 9 }) {
            Insn[] p = cat(lookup("table"), jumpImm(JEQ, R0, 0, 8), mov64Reg(R6, R0), call(7), store(1, R10, -16, R0),
                    loadSigned(1, R1, R10, -16), jump32Imm(JGT, R1, max, 3), alu64Reg(ADD, R6, R1), load(8, R0, R6, 0),
                    mov64Imm(R0, 0), exit());
            if (max == 8) ok("sign_extended_byte_bounded_by_its_low_half", TP, List.of(ARRAY), p);
            else bad("sign_extended_byte_bounded_one_past_the_value", "R6 max value is outside of the allowed memory range", TP, List.of(ARRAY), p);
        }
        // the same with the bound in a register, and a range below zero: -8 <= w0 <= -1 as s32, plus 8, is 0..7
        ok("jmp32_signed_register_bound", TP, List.of(ARRAY), cat(lookup("table"), jumpImm(JEQ, R0, 0, 9), mov64Reg(R6, R0),
                call(7), mov32Reg(R0, R0), mov32Imm(R1, 5), jump32Reg(JSLT, R0, R1, 4), jump32Imm(JSGT, R0, 8, 3),
                alu64Reg(ADD, R6, R0), load(8, R0, R6, 0), mov64Imm(R0, 0), exit()));
        ok("jmp32_signed_negative_range", TP, List.of(ARRAY), cat(lookup("table"), jumpImm(JEQ, R0, 0, 8), mov64Reg(R6, R0),
                call(7), jump32Imm(JSGE, R0, 0, 5), jump32Imm(JSLT, R0, -8, 4), alu32Imm(ADD, R0, 8),
                alu64Reg(ADD, R6, R0), load(8, R0, R6, 0), mov64Imm(R0, 0), exit()));
        // ---- a stack slot read later only through a copy of the frame pointer, or by a function given a pointer to
        // it, stays live: the state keeping a context pointer there must not prune the one keeping a number ----------
        bad("slot_read_through_a_frame_pointer_copy_stays_live", "R3 invalid mem access 'scalar'", SOCKET, NONE,
                mov64Reg(R6, R1), call(7), jumpImm(JEQ, R0, 0, 2), store(8, R10, -8, R6), ja(1), storeImm(8, R10, -8, 0),
                mov64Reg(R2, R10), alu64Imm(ADD, R2, -8), load(8, R3, R2, 0), load(4, R0, R3, 0), mov64Imm(R0, 0), exit());
        bad("slot_a_function_reads_stays_live", "R2 invalid mem access 'scalar'", SOCKET, NONE,
                mov64Reg(R6, R1), call(7), jumpImm(JEQ, R0, 0, 2), store(8, R10, -8, R6), ja(1), storeImm(8, R10, -8, 0),
                mov64Reg(R1, R10), alu64Imm(ADD, R1, -8), callLocal("f", 2), mov64Imm(R0, 0), exit(),
                load(8, R2, R1, 0), load(4, R0, R2, 0), exit());
        bad("register_a_function_reads_stays_live", "R1 invalid mem access 'scalar'", SOCKET, NONE,
                mov64Reg(R6, R1), call(7), mov64Reg(R1, R6), jumpImm(JEQ, R0, 0, 1), ja(1), mov64Imm(R1, 0),
                callLocal("f", 2), mov64Imm(R0, 0), exit(), load(4, R0, R1, 0), exit());
        ok("slot_written_again_before_any_read_is_dead", SOCKET, NONE,
                mov64Reg(R6, R1), call(7), jumpImm(JEQ, R0, 0, 2), store(8, R10, -8, R6), ja(1), storeImm(8, R10, -8, 0),
                store(8, R10, -8, R6), load(8, R3, R10, -8), load(4, R0, R3, 0), mov64Imm(R0, 0), exit());
        // ---- maps read-only or write-only for programs ----------------------------------------------------------
        ok("read_only_map_read", TP, List.of(READ_ONLY), cat(lookup("ro"), jumpImm(JEQ, R0, 0, 1), load(8, R0, R0, 0),
                mov64Imm(R0, 0), exit()));
        bad("read_only_map_store", "write into map forbidden, value_size=16 off=0 size=8", TP, List.of(READ_ONLY),
                cat(lookup("ro"), jumpImm(JEQ, R0, 0, 1), storeImm(8, R0, 0, 1), mov64Imm(R0, 0), exit()));
        bad("read_only_map_atomic", "write into map forbidden, value_size=16 off=0 size=8", TP, List.of(READ_ONLY),
                cat(lookup("ro"), jumpImm(JEQ, R0, 0, 2), mov64Imm(R1, 1), atomic(8, ADD, R0, 0, R1), mov64Imm(R0, 0), exit()));
        bad("read_only_map_helper_writes", "write into map forbidden, value_size=16 off=0 size=8", TP, List.of(READ_ONLY),
                cat(lookup("ro"), jumpImm(JEQ, R0, 0, 4), mov64Reg(R1, R0), mov64Imm(R2, 8), mov64Imm(R3, 0), call(113),
                        mov64Imm(R0, 0), exit()));
        bad("read_only_map_update", "write into map forbidden", TP, List.of(READ_ONLY), cat(storeImm(8, R10, -24, 1),
                storeImm(8, R10, -16, 1), keyOnStack("ro"), mov64Reg(R3, R10), alu64Imm(ADD, R3, -24), mov64Imm(R4, 0),
                call(2), mov64Imm(R0, 0), exit()));
        ok("write_only_map_store", TP, List.of(WRITE_ONLY), cat(lookup("wo"), jumpImm(JEQ, R0, 0, 1), storeImm(8, R0, 0, 1),
                mov64Imm(R0, 0), exit()));
        ok("write_only_map_helper_writes", TP, List.of(WRITE_ONLY), cat(lookup("wo"), jumpImm(JEQ, R0, 0, 4),
                mov64Reg(R1, R0), mov64Imm(R2, 8), mov64Imm(R3, 0), call(113), mov64Imm(R0, 0), exit()));
        bad("write_only_map_read", "read from map forbidden, value_size=16 off=0 size=8", TP, List.of(WRITE_ONLY),
                cat(lookup("wo"), jumpImm(JEQ, R0, 0, 1), load(8, R0, R0, 0), mov64Imm(R0, 0), exit()));
        bad("write_only_map_atomic", "read from map forbidden, value_size=16 off=0 size=8", TP, List.of(WRITE_ONLY),
                cat(lookup("wo"), jumpImm(JEQ, R0, 0, 2), mov64Imm(R1, 1), atomic(8, ADD, R0, 0, R1), mov64Imm(R0, 0), exit()));
        bad("write_only_map_value_as_key", "read from map forbidden, value_size=16 off=0 size=4", TP,
                List.of(WRITE_ONLY, HASH), cat(lookup("wo"), jumpImm(JEQ, R0, 0, 4), mov64Reg(R2, R0), ldMap(R1, "counts"),
                        call(1), mov64Imm(R0, 0), exit()));

        // ---- pointer arithmetic ---------------------------------------------------------------------------------
        bad("frame_pointer_subtract", "R1 subtraction from stack pointer prohibited", SOCKET, NONE, mov64Reg(R1, R10),
                alu64Imm(SUB, R1, 8), mov64Imm(R0, 0), exit());
        ok("frame_pointer_add_negative", SOCKET, NONE, mov64Reg(R1, R10), alu64Imm(ADD, R1, -8), storeImm(8, R1, 0, 0),
                mov64Imm(R0, 0), exit());
        // a 32-bit subtraction from a pointer is allowed, but leaves nothing known, not even that the upper half is 0
        bad("pointer_subtract_32_unknown_width", "R0 invalid mem access 'scalar'", SOCKET, NONE, mov64Reg(R1, R10),
                alu32Imm(SUB, R1, 8), ldImm64(R2, 0xffffffffL), mov64Imm(R0, 0), jumpReg(JLE, R1, R2, 1), load(8, R0, R0, 0), exit());
        bad("scalar_minus_pointer", "R1 tried to subtract pointer from scalar", SOCKET, NONE, mov64Imm(R1, 0),
                alu64Reg(SUB, R1, R10), mov64Imm(R0, 0), exit());

        // ---- JSET of two unknown registers is never decided, even when a known bit makes the answer certain ---------
        bad("jset_register_pair_explores_both_edges", "R0 invalid mem access 'scalar'", SOCKET, NONE, call(7),
                alu64Imm(OR, R0, 1), mov64Reg(R1, R0), mov64Imm(R0, 0), jumpReg(JSET, R1, R1, 1), load(8, R0, R0, 0), exit());
        ok("jset_against_a_constant_is_decided", SOCKET, NONE, call(7), alu64Imm(OR, R0, 1), mov64Reg(R1, R0),
                mov64Imm(R0, 0), jumpImm(JSET, R1, 1, 1), load(8, R0, R0, 0), exit());

        // JSET's fall-through edge against a constant: the kernel clears the constant's bits and forgets the ranges
        // (r0 in [100, 163] may then be below 50); the taken edge keeps them
        bad("jset_fall_through_forgets_ranges", "R6 !read_ok", SOCKET, NONE, cat(range100to163(), jumpImm(JSET, R0, 3, 3),
                jumpImm(JGE, R0, 50, 2), mov64Reg(R0, R6), exit(), mov64Imm(R0, 0), exit()));
        bad("jset32_fall_through_forgets_ranges", "R6 !read_ok", SOCKET, NONE, cat(range100to163(), jump32Imm(JSET, R0, 3, 3),
                jumpImm(JGE, R0, 50, 2), mov64Reg(R0, R6), exit(), mov64Imm(R0, 0), exit()));
        bad("jset_constant_register_fall_through_forgets_ranges", "R6 !read_ok", SOCKET, NONE, cat(range100to163(),
                mov64Imm(R1, 3), jumpReg(JSET, R1, R0, 3), jumpImm(JGE, R0, 50, 2), mov64Reg(R0, R6), exit(), mov64Imm(R0, 0), exit()));
        ok("jset_fall_through_keeps_known_bits", SOCKET, NONE, cat(range100to163(), jumpImm(JSET, R0, 3, 3),
                jumpImm(JLE, R0, 0xfc, 2), mov64Reg(R0, R6), exit(), mov64Imm(R0, 0), exit()));
        ok("jset_taken_keeps_ranges", SOCKET, NONE, cat(range100to163(), jumpImm(JSET, R0, 4, 1), ja(3),
                jumpImm(JGE, R0, 50, 2), mov64Reg(R0, R6), exit(), mov64Imm(R0, 0), exit()));
        // found by RandomAgreementTest (seed 20261130001): a diamond after a JSET whose sum offsets the stack
        bad("random_jset_forgets_ranges_before_a_stack_offset", "invalid write to stack R6 off=32 size=8", SOCKET, NONE,
                call(7), mov64Imm(R8, 0), jumpImm(JSLT, R0, 0x7fffffff, 2), alu64Imm(ADD, R8, 64), ja(1), alu64Imm(ADD, R8, 24),
                jumpImm(JSET, R0, 3, 2), alu64Imm(ADD, R8, 24), ja(1), alu64Imm(ADD, R8, 24), jumpImm(JSLT, R0, 0xf, 2),
                alu64Imm(ADD, R8, 24), ja(1), alu64Imm(ADD, R8, 72), mov64Reg(R6, R10), alu64Imm(ADD, R6, -128),
                alu64Reg(ADD, R6, R8), storeImm(8, R6, 0, 15), mov64Imm(R0, 0), exit());

        // ---- what the kernel does not know after arithmetic -------------------------------------------------------
        bad("divide_constants_unknown", "R0 invalid mem access 'scalar'", SOCKET, NONE,
                cat(mov64Imm(R1, 10), alu64Imm(DIV, R1, 2), provesEqual(R1, 5)));
        bad("divide32_constants_unknown", "R0 invalid mem access 'scalar'", SOCKET, NONE,
                cat(mov64Imm(R1, 10), alu32Imm(DIV, R1, 2), provesEqual(R1, 5)));
        bad("modulo_constants_unknown", "R0 invalid mem access 'scalar'", SOCKET, NONE,
                cat(mov64Imm(R1, 10), alu64Imm(MOD, R1, 3), provesEqual(R1, 1)));
        bad("signed_divide_constants_unknown", "R0 invalid mem access 'scalar'", SOCKET, NONE,
                cat(mov64Imm(R1, -10), sdivImm(DIV, true, R1, 2), provesEqual(R1, -5)));
        bad("shift64_by_64_unknown", "R0 invalid mem access 'scalar'", SOCKET, NONE,
                cat(mov64Imm(R1, 1), mov64Imm(R2, 64), alu64Reg(LSH, R1, R2), provesEqual(R1, 1)));
        bad("shift32_by_32_unknown", "R0 invalid mem access 'scalar'", SOCKET, NONE,
                cat(mov64Imm(R1, 1), mov64Imm(R2, 32), alu32Reg(LSH, R1, R2), provesEqual(R1, 1)));
        ok("shift_by_constant_register_known", SOCKET, NONE,
                cat(mov64Imm(R1, 1), mov64Imm(R2, 3), alu64Reg(LSH, R1, R2), provesEqual(R1, 8)));
        ok("negate_constant_known", SOCKET, NONE, cat(mov64Imm(R1, 5), neg64(R1), provesEqual(R1, -5)));
        ok("byte_swap_constant_known", SOCKET, NONE,
                cat(mov64Imm(R1, 0x1234), new Insn(ALU | END | TO_BE, R1, 0, 0, 16), provesEqual(R1, 0x3412)));

        // the low 15 bits of r2 are known to be 15, so w2 is never 0x7fffffff: the read of r6 (never set) is dead code
        ok("jmp32_decided_by_known_low_bits", RAW_TP, NONE, load(8, R2, R1, 0), alu64Imm(LSH, R2, 15), alu64Imm(ADD, R2, 15),
                jump32Imm(JNE, R2, 0x7fffffff, 1), mov64Reg(R0, R6), mov64Imm(R0, 0), exit());
        // (x & 2) * 2 - 34 is -34 or -30: as a u32 never below 0x7fffffff
        ok("jmp32_decided_by_range_in_one_window", SOCKET, NONE, call(7), alu64Imm(AND, R0, 2), alu64Imm(MUL, R0, 2),
                alu64Imm(SUB, R0, 34), jump32Imm(JGE, R0, 0x7fffffff, 1), mov64Reg(R0, R6), mov64Imm(R0, 0), exit());
        // found by RandomAgreementTest (seed 24862594925402): -(x & 255) lies in [-255, 0], so its low half is never
        // 0x7fffffff and the pointer remainder behind that test is dead code
        ok("jmp32_decided_by_a_signed_range_within_32_bits", KPROBE, NONE, mov64Reg(R8, R10), call(7), alu64Reg(ADD, R0, R0),
                alu32Imm(AND, R0, 255), neg64(R0), jump32Imm(JNE, R0, 0x7fffffff, 2), mov64Reg(R8, R10), alu64Imm(MOD, R8, -40),
                mov64Imm(R0, 0), exit());
        bad("jmp32_equal_within_a_signed_range", "R6 !read_ok", KPROBE, NONE, call(7), alu32Imm(AND, R0, 254), neg64(R0),
                jump32Imm(JNE, R0, 0xffffff02L, 2), mov64Reg(R0, R6), exit(), mov64Imm(R0, 0), exit());
        bad("jmp32_undecided_reaches_bad_code", "R6 !read_ok", SOCKET, NONE, call(7), alu64Imm(AND, R0, 2),
                alu64Imm(SUB, R0, 1), jump32Imm(JGE, R0, 0x7fffffff, 1), mov64Reg(R0, R6), mov64Imm(R0, 0), exit());

        // a byte swap moves the known bits with the bytes (the kernel derives the bounds from them); negation is 0 - x
        ok("byte_swap_moves_known_bits", SOCKET, NONE, cat(call(7), alu64Imm(LSH, R0, 8), new Insn(ALU | END | TO_BE, R0, 0, 0, 16),
                jumpImm(JLE, R0, 0xff, 2), mov64Reg(R0, R6), exit(), mov64Imm(R0, 0), exit()));
        ok("byte_swap64_moves_known_bits", SOCKET, NONE, cat(call(7), alu64Imm(LSH, R0, 8), new Insn(ALU64 | END | TO_LE, R0, 0, 0, 64),
                ldImm64(R1, 0x00ffffffffffffffL), jumpReg(JLE, R0, R1, 2), mov64Reg(R0, R6), exit(), mov64Imm(R0, 0), exit()));
        ok("negated_range_known", SOCKET, NONE, cat(call(7), alu64Imm(AND, R0, 7), neg64(R0), jumpImm(JSGT, R0, 0, 2),
                mov64Imm(R0, 0), exit(), mov64Reg(R0, R6), exit()));
        bad("negated_range_reaches_its_bound", "R6 !read_ok", SOCKET, NONE, cat(call(7), alu64Imm(AND, R0, 7), alu64Imm(SUB, R0, 3),
                neg64(R0), jumpImm(JSGT, R0, 2, 2), mov64Imm(R0, 0), exit(), mov64Reg(R0, R6), exit()));
        // found by RandomAgreementTest (seed 20261130001): the low bits a shift cleared stay clear through a byte
        // swap, a multiplication and a negation, so the stack offset is aligned
        ok("random_swapped_zero_bits_align_a_stack_offset", SOCKET, NONE, call(5), alu32Imm(LSH, R0, 20),
                new Insn(ALU | END | TO_BE, R0, 0, 0, 16), alu64Reg(MUL, R0, R0), mov64Reg(R8, R10), alu64Imm(AND, R0, 7),
                alu64Reg(ADD, R8, R0), load(8, R6, R8, -8), mov64Imm(R0, 0), exit());
        // found by RandomAgreementTest (seed 20261130001): bit 0 set becomes bit 24 after the swap, so the loop never
        // repeats; a swap giving any 32-bit number made the simulation see it repeat unchanged ("infinite loop")
        ok("random_swapped_bit_ends_a_loop", SOCKET, NONE, call(7), mov64Imm(R6, 0), alu64Imm(ADD, R6, 1), alu64Reg(OR, R6, R0),
                new Insn(ALU | END | TO_BE, R6, 0, 0, 32), jumpImm(JLT, R6, 4, -5), mov64Imm(R0, 0), exit());
        ok("random_negated_zero_bits_align_a_stack_offset", TP, NONE, call(7), alu32Imm(LSH, R0, 10), neg64(R0),
                mov64Reg(R9, R10), alu64Imm(AND, R0, 7), alu64Reg(ADD, R9, R0), load(8, R9, R9, -8), mov64Imm(R0, 0), exit());

        // ---- one instruction, one kind of pointer ------------------------------------------------------------------
        bad("same_insn_ctx_and_stack", "same insn cannot be used with different pointers", TP, NONE, load(4, R2, R1, 8),
                mov64Reg(R3, R1), jumpImm(JEQ, R2, 0, 2), mov64Reg(R3, R10), alu64Imm(ADD, R3, -16), load(8, R0, R3, 8), exit());
        ok("same_insn_stack_and_map_value", TP, List.of(HASH), cat(lookup("counts"), mov64Reg(R3, R10),
                alu64Imm(ADD, R3, -16), jumpImm(JEQ, R0, 0, 1), mov64Reg(R3, R0), load(8, R0, R3, 0), exit()));

        // ---- functions ---------------------------------------------------------------------------------------------
        bad("function_loops_back_to_caller", "jump out of range from insn 4 to 0", SOCKET, NONE, mov64Imm(R0, 0),
                callLocal("f", 1), exit(), mov64Imm(R0, 1), ja(-5));
        bad("call_into_middle_of_function", "last insn is not an exit or jmp", SOCKET, NONE, mov64Imm(R0, 0),
                callLocal("f", 2), callLocal("g", 2), exit(), mov64Imm(R0, 1), exit(), mov64Imm(R0, 2), exit());
        bad("conditional_jump_out_of_function", "jump out of range from insn 3 to 2", SOCKET, NONE, mov64Imm(R0, 0),
                callLocal("f", 1), exit(), jumpImm(JEQ, R0, 0, -2), exit());
        bad("jump_out_of_function", "jump out of range from insn 4 to 3", SOCKET, NONE, mov64Imm(R0, 0),
                callLocal("f", 2), mov64Imm(R0, 0), exit(), ja(-2));

        // ---- lookups the kernel knows cannot fail ----------------------------------------------------------------------
        ok("array_lookup_key_zero_needs_no_null_test", TP, List.of(ARRAY), cat(lookup("table"), load(8, R0, R0, 8),
                mov64Imm(R0, 0), exit()));
        bad("array_lookup_key_three_needs_null_test", "R0 invalid mem access 'map_value_or_null'", TP, List.of(ARRAY),
                storeImm(4, R10, -4, 3), mov64Reg(R2, R10), alu64Imm(ADD, R2, -4), ldMap(R1, "table"), call(1),
                load(8, R0, R0, 8), mov64Imm(R0, 0), exit());
        bad("hash_lookup_key_zero_needs_null_test", "R0 invalid mem access 'map_value_or_null'", TP, List.of(HASH),
                cat(lookup("counts"), load(8, R0, R0, 0), mov64Imm(R0, 0), exit()));

        // ---- atomics ----------------------------------------------------------------------------------------------
        ok("atomic_add_of_a_pointer_privileged", TP, List.of(HASH), cat(lookup("counts"), jumpImm(JEQ, R0, 0, 1),
                atomic(8, ADD, R0, 0, R10), mov64Imm(R0, 0), exit()));
        // a privileged program may compare against a pointer in r0; what an atomic fetches is what a load would fill
        ok("cmpxchg_with_a_pointer_in_r0", TP, List.of(HASH), cat(lookup("counts"), jumpImm(JEQ, R0, 0, 4), mov64Reg(R6, R0),
                mov64Reg(R0, R10), mov64Imm(R1, 1), atomic(8, CMPXCHG, R6, 0, R1), mov64Imm(R0, 0), exit()));
        ok("cmpxchg_fills_a_spilled_pointer", TP, NONE, store(8, R10, -8, R10), mov64Reg(R0, R10), mov64Imm(R1, 1),
                atomic(8, CMPXCHG, R10, -8, R1), load(8, R0, R0, -8), mov64Imm(R0, 0), exit());
        ok("fetch_add_fills_a_spilled_pointer", TP, NONE, store(8, R10, -8, R10), mov64Imm(R1, 0),
                atomic(8, ADD | FETCH, R10, -8, R1), load(8, R0, R1, -8), mov64Imm(R0, 0), exit());
        ok("cmpxchg_fills_a_spilled_constant", TP, NONE, mov64Imm(R3, 5), store(8, R10, -8, R3), mov64Imm(R0, 0),
                mov64Imm(R1, 1), atomic(8, CMPXCHG, R10, -8, R1), jumpImm(JEQ, R0, 5, 1), load(8, R0, R0, 0), mov64Imm(R0, 0), exit());
        bad("slot_after_an_atomic_is_unknown", "R2 invalid mem access 'scalar'", TP, NONE, store(8, R10, -8, R10),
                mov64Imm(R0, 0), mov64Imm(R1, 1), atomic(8, CMPXCHG, R10, -8, R1), load(8, R2, R10, -8), load(8, R0, R2, -8),
                mov64Imm(R0, 0), exit());
        bad("cmpxchg32_on_a_spilled_pointer", "invalid size of register fill", TP, NONE, store(8, R10, -8, R10),
                mov64Imm(R0, 0), mov64Imm(R1, 1), atomic(4, CMPXCHG, R10, -8, R1), mov64Imm(R0, 0), exit());

        // ---- tail calls --------------------------------------------------------------------------------------------
        ok("tail_call_through_prog_array", SOCKET, List.of(PROG_ARRAY), ldMap(R2, "progs"), mov64Imm(R3, 0), call(12),
                mov64Imm(R0, 0), exit());
        bad("tail_call_through_hash_map", "expected prog array map for tail call", SOCKET, List.of(HASH),
                ldMap(R2, "counts"), mov64Imm(R3, 0), call(12), mov64Imm(R0, 0), exit());
        bad("lookup_in_prog_array", "cannot pass map_type 3 into func bpf_map_lookup_elem#1", TP, List.of(PROG_ARRAY),
                cat(lookup("progs"), mov64Imm(R0, 0), exit()));

        // ---- complexity ----------------------------------------------------------------------------------------------
        // each iteration leaves the exit branch pending: the kernel stops at 8193 pending branches, in well under a second
        bad("loop_leaves_a_branch_per_iteration", "The sequence of 8193 jumps is too complex.", SOCKET, NONE, call(7),
                mov64Reg(R2, R0), mov64Imm(R1, 0), jumpReg(JEQ, R1, R2, 2), alu64Imm(ADD, R1, 1), ja(-3), mov64Imm(R0, 0), exit());

        // found by RandomAgreementTest (seed 12802244654215): nested loops whose sum later becomes precise (a pointer
        // offset, a helper's size); the kernel, which remembers a state in a loop only every 20 jumps, gives up
        tooComplex("nested_loops_sum_offsets_the_stack", RAW_TP, mov64Imm(R7, -8), jumpImm(JLT, R7, 16, 18), mov64Imm(R6, 0),
                mov64Imm(R7, 0), mov64Imm(R8, 0), alu64Imm(ADD, R8, 1), call(7), jumpImm(JSET, R0, 1, 2), alu64Imm(ADD, R7, 1),
                ja(1), alu64Imm(ADD, R7, 3), jumpImm(JLT, R8, 5, -7), alu64Imm(ADD, R6, 1), jumpImm(JLT, R6, 10, -10),
                mov64Reg(R8, R10), alu64Imm(AND, R7, 7), alu64Reg(ADD, R8, R7), mov64Reg(R9, R10), alu64Imm(ADD, R9, -24),
                load(8, R7, R9, -8), mov64Reg(R1, R7), mov64Imm(R2, 16), callLocal("f", 17), storeImm(2, R10, -42, 31),
                mov64Imm(R9, 0), alu64Imm(ADD, R9, 1), store(8, R10, -56, R6), load(8, R8, R10, -56), jumpImm(JLT, R9, 3, -4),
                alu64Reg(RSH, R7, R7), alu64Reg(DIV, R0, R7), neg64(R0), alu64Reg(ADD, R0, R7), mov64Reg(R1, R7), mov64Imm(R2, 0),
                callLocal("f", 4), alu64Imm(RSH, R7, 27), alu32Imm(LSH, R7, 2), mov64Imm(R0, 32), exit(),
                mov64Reg(R0, R1), storeImm(8, R10, -56, 1), alu64Imm(ADD, R0, 1), exit());
        tooComplex("nested_loops_sum_sizes_a_read", SOCKET, mov64Imm(R6, 0), alu64Imm(ADD, R6, 1), storeImm(8, R10, -48, 3),
                jumpImm(JLT, R6, 2, -3), mov64Imm(R8, 0), jumpImm(JLT, R8, 31, 2), alu64Imm(ADD, R8, 8), ja(1),
                alu64Imm(ADD, R8, 24), jumpImm(JLE, R8, 8, 2), alu64Imm(ADD, R8, 72), ja(1), alu64Imm(ADD, R8, 0),
                load(4, R9, R1, 0), mov64Imm(R7, 0), mov64Imm(R9, 0), mov64Imm(R8, 0), alu64Imm(ADD, R8, 1), call(7),
                jumpImm(JSET, R0, 1, 2), alu64Imm(ADD, R9, 1), ja(1), alu64Imm(ADD, R9, 3), jumpImm(JLT, R8, 7, -7),
                alu64Imm(ADD, R7, 1), jumpImm(JLT, R7, 6, -10), mov64Reg(R1, R10), alu64Imm(ADD, R1, -32), mov64Reg(R2, R9),
                alu64Imm(AND, R2, 31), mov64Imm(R3, 0), call(113), mov64Reg(R1, R9), mov64Imm(R2, -1), callLocal("f", 4),
                load(1, R6, R10, -43), load(1, R8, R10, -51), mov64Imm(R0, 2), exit(), mov64Reg(R0, R1), alu64Reg(LSH, R0, R2), exit());

        // found by RandomAgreementTest (seed 2140933506286): even the caller's own stack may not be handed back
        bad("function_returns_stack_pointer", "cannot return stack pointer to the caller", SOCKET, NONE, mov64Reg(R1, R10),
                alu64Imm(ADD, R1, -8), callLocal("f", 2), mov64Imm(R0, 0), exit(), mov64Reg(R0, R1), exit());

        // ---- precision: the arm explored first leaves r7 = 0, and a branch decided by r7 after the join makes r7
        // precise there, so the other arm's state (r7 = 1) is not pruned against it and reaches the load
        bad("decided_after_join_keeps_arms_apart", "R7 invalid mem access 'scalar'", TP, NONE, call(7), mov64Imm(R7, 1),
                jumpImm(JEQ, R0, 0, 2), mov64Imm(R7, 0), ja(0), mov64Imm(R0, 0), jumpImm(JEQ, R7, 0, 1), load(8, R0, R7, 0), exit());
        ok("undecided_after_join_prunes", TP, NONE, call(7), mov64Imm(R7, 1), jumpImm(JEQ, R0, 0, 2), mov64Imm(R7, 0),
                ja(0), mov64Reg(R6, R7), call(7), jumpReg(JGT, R0, R7, 0), mov64Imm(R0, 0), exit());
        // the same through a spill: the arms differ only in the spilled slot, which the fill makes precise
        bad("decided_after_join_through_spill", "R7 invalid mem access 'scalar'", TP, NONE, call(7), mov64Imm(R7, 1),
                store(8, R10, -8, R7), jumpImm(JEQ, R0, 0, 2), mov64Imm(R7, 0), store(8, R10, -8, R7), mov64Imm(R7, 5),
                call(7), load(8, R7, R10, -8), mov64Imm(R0, 0), jumpImm(JEQ, R7, 0, 1), load(8, R0, R7, 0), exit());
        // an offset added to a stack pointer after the join: arm two's offset reaches above the frame
        bad("offset_after_join_keeps_arms_apart", "invalid write to stack R6 off=8 size=8", TP, NONE, call(7),
                mov64Imm(R7, 72), jumpImm(JEQ, R0, 0, 2), mov64Imm(R7, 8), ja(0), mov64Reg(R6, R10), alu64Imm(ADD, R6, -64),
                alu64Reg(ADD, R6, R7), storeImm(8, R6, 0, 1), mov64Imm(R0, 0), exit());
        // across a BPF-to-BPF call: the decided r0 is the callee's r0, which is its r1, which is the caller's r7
        bad("decided_after_call_keeps_arms_apart", "R0 invalid mem access 'scalar'", TP, NONE, call(7), mov64Imm(R7, 1),
                jumpImm(JEQ, R0, 0, 2), mov64Imm(R7, 0), ja(0), mov64Reg(R1, R7), callLocal("f", 3),
                jumpImm(JEQ, R0, 0, 1), load(8, R0, R0, 0), exit(), mov64Reg(R0, R1), exit());
        // the callee reads the caller's spilled slot through a pointer: the slot is precise in the caller's frame
        bad("decided_after_call_through_caller_stack", "R0 invalid mem access 'scalar'", TP, NONE, call(7), mov64Imm(R7, 1),
                store(8, R10, -8, R7), jumpImm(JEQ, R0, 0, 2), mov64Imm(R7, 0), store(8, R10, -8, R7), mov64Reg(R1, R10),
                alu64Imm(ADD, R1, -8), callLocal("f", 4), jumpImm(JEQ, R0, 0, 1), load(8, R0, R0, 0), mov64Imm(R0, 0), exit(),
                load(8, R0, R1, 0), exit());

        // ---- stack at a variable offset (privileged): r6 = fp-32 + (random & mask)
        ok("stack_variable_offset_write_read", TP, NONE, cat(stackIndex(0x18), storeImm(8, R6, 0, 1), load(8, R0, R6, 0),
                mov64Imm(R0, 0), exit()));
        bad("stack_variable_offset_above_frame", "invalid variable-offset write to stack R6 var_off=(0x0; 0x38) off=-32 size=8",
                TP, NONE, cat(stackIndex(0x38), storeImm(8, R6, 0, 1), mov64Imm(R0, 0), exit()));
        bad("stack_variable_offset_read_above_frame", "invalid variable-offset read from stack R6 var_off=(0x0; 0x38) off=-32 size=8",
                TP, NONE, cat(stackIndex(0x38), load(8, R0, R6, 0), mov64Imm(R0, 0), exit()));
        bad("stack_variable_offset_misaligned", "misaligned stack access off (0x0; 0x7)+-32+0 size 8", TP, NONE,
                cat(stackIndex(0x7), storeImm(8, R6, 0, 1), mov64Imm(R0, 0), exit()));
        // the kernel reads known zeros at a variable offset as an unknown value
        bad("stack_variable_offset_reads_known_zeros", "R0 invalid mem access 'scalar'", TP, NONE, cat(zeroWords(-32, 8), stackIndex(0x18), load(8, R0, R6, 0),
                jumpImm(JEQ, R0, 0, 1), load(8, R0, R0, 0), exit()));
        bad("stack_variable_offset_reads_a_nonzero", "R0 invalid mem access 'scalar'", TP, NONE, cat(zeroWords(-32, 8),
                storeImm(4, R10, -20, 5), stackIndex(0x18), load(8, R0, R6, 0), jumpImm(JEQ, R0, 0, 1), load(8, R0, R0, 0), exit()));
        // writing zero at a variable offset keeps a spilled zero; writing anything else loses it
        ok("stack_variable_offset_zero_keeps_a_spilled_zero", TP, NONE, cat(zeroWords(-32, 8),
                mov64Imm(R7, 0), store(8, R10, -8, R7), stackIndex(0x18), storeImm(4, R6, 0, 0), load(8, R0, R10, -8),
                jumpImm(JEQ, R0, 0, 1), load(8, R0, R0, 0), exit()));
        bad("stack_variable_offset_write_loses_a_spill", "R0 invalid mem access 'scalar'", TP, NONE, cat(zeroWords(-32, 8),
                mov64Imm(R7, 0), store(8, R10, -8, R7), stackIndex(0x18), storeImm(4, R6, 0, 1), load(8, R0, R10, -8),
                jumpImm(JEQ, R0, 0, 1), load(8, R0, R0, 0), exit()));

        // helpers may take a stack buffer at a variable offset (privileged): in the frame, not necessarily aligned or
        // written before; a helper writing it may have written any byte the offsets reach
        ok("helper_writes_at_a_variable_stack_offset", TP, NONE, cat(stackIndex(0x18), probeRead(R6, 8), mov64Imm(R0, 0), exit()));
        ok("helper_writes_at_a_misaligned_variable_offset", TP, NONE, cat(stackIndex(0x7), probeRead(R6, 8), mov64Imm(R0, 0), exit()));
        bad("helper_writes_above_the_frame", "invalid variable-offset write to stack R1 var_off=(0x0; 0x38) off=-32 size=8", TP,
                NONE, cat(stackIndex(0x38), probeRead(R6, 8), mov64Imm(R0, 0), exit()));
        ok("helper_reads_a_key_at_a_variable_offset", TP, List.of(HASH), cat(stackIndex(0x18), mov64Reg(R2, R6),
                ldMap(R1, "counts"), call(1), mov64Imm(R0, 0), exit()));
        bad("helper_reads_a_key_above_the_frame", "invalid variable-offset read from stack R2 var_off=(0x0; 0x38) off=-32 size=4",
                TP, List.of(HASH), cat(stackIndex(0x38), mov64Reg(R2, R6), ldMap(R1, "counts"), call(1), mov64Imm(R0, 0), exit()));
        bad("helper_write_at_a_variable_offset_loses_a_spill", "R1 invalid mem access 'scalar'", TP, NONE,
                cat(store(8, R10, -16, R10), stackIndex(0x18), probeRead(R6, 8), load(8, R1, R10, -16), load(8, R0, R1, -8),
                        mov64Imm(R0, 0), exit()));
        ok("helper_write_at_a_variable_offset_keeps_a_spill_outside", TP, NONE,
                cat(store(8, R10, -40, R10), stackIndex(0x18), probeRead(R6, 8), load(8, R1, R10, -40), load(8, R0, R1, -8),
                        mov64Imm(R0, 0), exit()));
        bad("helper_write_at_a_variable_offset_loses_known_zeros", "R1 invalid mem access 'scalar'", TP, NONE,
                cat(storeImm(8, R10, -16, 0), stackIndex(0x18), probeRead(R6, 8), load(8, R1, R10, -16), jumpImm(JEQ, R1, 0, 1),
                        load(8, R0, R1, 0), mov64Imm(R0, 0), exit()));

        // ---- may_goto: the loop body is explored one level deeper; a counter nothing needs exactly is widened --------
        ok("may_goto_counting_loop", TP, NONE, mov64Imm(R6, 0), mayGoto(2), alu64Imm(ADD, R6, 1), ja(-3), mov64Imm(R0, 0), exit());
        ok("may_goto_loop_changing_nothing", TP, NONE, mov64Imm(R6, 0), mayGoto(1), ja(-2), mov64Imm(R0, 0), exit());
        ok("may_goto_bounded_stores", TP, NONE, mov64Imm(R6, 0), mayGoto(7), jumpImm(JGE, R6, 64, 6), mov64Reg(R1, R10),
                alu64Imm(ADD, R1, -64), alu64Reg(ADD, R1, R6), storeImm(8, R1, 0, 0), alu64Imm(ADD, R6, 8), ja(-8), mov64Imm(R0, 0), exit());
        bad("may_goto_stores_past_the_frame", "invalid write to stack R1 off=0 size=8", TP, NONE, mov64Imm(R6, 0), mayGoto(7),
                jumpImm(JGT, R6, 64, 6), mov64Reg(R1, R10), alu64Imm(ADD, R1, -64), alu64Reg(ADD, R1, R6), storeImm(8, R1, 0, 0),
                alu64Imm(ADD, R6, 8), ja(-8), mov64Imm(R0, 0), exit());
        bad("may_goto_counter_offsets_the_stack_after_the_loop", "invalid write to stack R1 off=0 size=8", TP, NONE,
                mov64Imm(R6, 0), mayGoto(2), alu64Imm(ADD, R6, 8), ja(-3), mov64Reg(R1, R10), alu64Imm(ADD, R1, -64),
                alu64Reg(ADD, R1, R6), storeImm(8, R1, 0, 0), mov64Imm(R0, 0), exit());
        bad("may_goto_late_iteration_dereferences_a_number", "R6 invalid mem access 'scalar'", TP, NONE, mov64Imm(R6, 0),
                mayGoto(4), alu64Imm(ADD, R6, 1), jumpImm(JNE, R6, 3, 1), load(8, R0, R6, 0), ja(-5), mov64Imm(R0, 0), exit());
        ok("may_goto_in_a_function", TP, NONE, callLocal("f", 2), mov64Imm(R0, 0), exit(), mov64Imm(R6, 0), mayGoto(2),
                alu64Imm(ADD, R6, 1), ja(-3), mov64Imm(R0, 0), exit());
        ok("may_goto_spilled_counter", TP, NONE, storeImm(8, R10, -8, 0), mayGoto(4), load(8, R6, R10, -8), alu64Imm(ADD, R6, 1),
                store(8, R10, -8, R6), ja(-5), mov64Imm(R0, 0), exit());
        ok("may_goto_lookups_in_the_body", TP, List.of(HASH), mov64Imm(R6, 0), mayGoto(10), store(4, R10, -4, R6),
                mov64Reg(R2, R10), alu64Imm(ADD, R2, -4), ldMap(R1, "counts"), call(1), jumpImm(JEQ, R0, 0, 1),
                storeImm(8, R0, 0, 1), alu64Imm(ADD, R6, 1), ja(-11), mov64Imm(R0, 0), exit());
        // found by RandomAgreementTest (seed 20261130011): the value an atomic fetched offsets a pointer after a
        // may_goto loop; marking everything precise there kept the loop's counter from being widened (1M insns)
        ok("may_goto_then_a_fetched_offset", RAW_TP, NONE, mov64Imm(R9, 0), mayGoto(2), alu64Imm(ADD, R9, 1), ja(-3), call(7),
                storeImm(8, R10, -8, 0), store(8, R10, -8, R0), mov64Imm(R7, 1), mov64Imm(R0, 0), atomic(8, CMPXCHG, R10, -8, R7),
                alu64Imm(AND, R0, 7), mov64Reg(R1, R10), alu64Imm(ADD, R1, -16), alu64Reg(ADD, R1, R0), load(1, R0, R1, 0),
                mov64Imm(R0, 0), exit());
        // found by RandomAgreementTest (seed 20261130011): two may_goto loops, the second calling a function; states
        // of the second loop covering later paths marked the first loop's states precise, so it never converged
        ok("may_goto_loops_apart", RAW_TP, List.of(RandomPrograms.HASH, RandomPrograms.ARRAY), mov64Imm(R6, 0), mayGoto(4),
                mov64Reg(R8, R10), alu64Imm(ADD, R8, -8), alu64Imm(ADD, R6, 1), ja(-5), storeImm(4, R10, -4, 4), mov64Reg(R2, R10),
                alu64Imm(ADD, R2, -4), ldMap(R1, "h"), call(1), mov64Reg(R6, R0), jumpImm(JEQ, R6, 0, 24), storeImm(4, R6, 0, 8),
                load(8, R0, R6, 0), storeImm(4, R10, -4, 4), mov64Reg(R2, R10), alu64Imm(ADD, R2, -4), ldMap(R1, "h"), call(1),
                mov64Reg(R9, R0), jumpImm(JEQ, R9, 0, 1), atomic(4, ADD, R9, 0, R9), storeImm(4, R10, -4, 2), mov64Reg(R2, R10),
                alu64Imm(ADD, R2, -4), ldMap(R1, "a"), call(1), mov64Reg(R7, R0), jumpImm(JEQ, R7, 0, 5), call(7), mov64Reg(R6, R0),
                alu64Imm(AND, R6, 15), alu64Reg(ADD, R6, R7), load(1, R6, R6, 0), storeImm(4, R10, -4, 2), mov64Reg(R2, R10),
                alu64Imm(ADD, R2, -4), ldMap(R1, "h"), call(1), mov64Reg(R9, R0), jumpImm(JEQ, R9, 0, 1), atomic(4, ADD, R9, 0, R9),
                mov64Reg(R6, R10), alu64Imm(ADD, R6, -16), mov64Imm(R6, 0), mayGoto(5), mov64Imm(R1, 3), mov64Imm(R2, 64),
                callLocal("f", 6), alu64Imm(ADD, R6, 1), ja(-6), mov64Reg(R9, R10), load(8, R6, R10, -48), mov64Imm(R0, 2), exit(),
                mov64Reg(R0, R1), alu64Reg(AND, R0, R2), exit());
        bad("may_goto_with_an_immediate", "invalid may_goto imm 1", TP, NONE, mov64Imm(R6, 0), new Insn(JMP | 0xe0, 0, 0, 2, 1),
                alu64Imm(ADD, R6, 1), ja(-3), mov64Imm(R0, 0), exit());
        bad("may_goto_with_a_register", "invalid may_goto imm 0", TP, NONE, mov64Imm(R6, 0), new Insn(JMP | 0xe0, 1, 0, 2, 0),
                alu64Imm(ADD, R6, 1), ja(-3), mov64Imm(R0, 0), exit());
        bad("may_goto_as_jmp32", "unknown opcode e6", TP, NONE, mov64Imm(R6, 0), new Insn(JMP32 | 0xe0, 0, 0, 2, 0),
                alu64Imm(ADD, R6, 1), ja(-3), mov64Imm(R0, 0), exit());

        // ---- stacks of functions: tracepoint and raw_tracepoint programs give functions of 64 bytes or more a private
        // stack; kprobe programs do not (6.18.44 adds up their frames) -------------------------------------------------
        ok("tracepoint_main_504_function_48", TP, NONE, twoFrames(504, 48));
        ok("tracepoint_main_48_function_504", TP, NONE, twoFrames(48, 504));
        bad("kprobe_main_48_function_504", "combined stack size of 2 calls is 560. Too large", KPROBE, NONE, twoFrames(48, 504));
        ok("raw_tracepoint_main_32_function_488", RAW_TP, NONE, twoFrames(32, 488));
        bad("socket_main_48_function_504", "combined stack size of 2 calls is 560. Too large", SOCKET, NONE, twoFrames(48, 504));
        bad("xdp_main_48_function_504", "combined stack size of 2 calls is 560. Too large", XDP, NONE, twoFrames(48, 504));

        // ---- encodings -------------------------------------------------------------------------------------------
        bad("callx_register_call", "unknown opcode 8d", SOCKET, NONE, mov64Imm(R1, 0), new Insn(JMP | CALL | X, 1, 0, 0, 0),
                mov64Imm(R0, 0), exit());
        bad("call_with_offset", "BPF_CALL uses reserved fields", TP, NONE, new Insn(JMP | CALL, 0, 0, 1, 14),
                mov64Imm(R0, 0), exit());
        bad("ld_imm64_with_offset", "BPF_LD_IMM64 uses reserved fields", SOCKET, NONE, new Insn(LD | IMM | DW, 0, 0, 1, 5), exit());
        bad("ld_imm64_unknown_source", "unrecognized bpf_ld_imm64 insn", SOCKET, NONE, new Insn(LD | IMM | DW, 0, 7, 0, 5), exit());
        bad("exit_with_immediate", "BPF_EXIT uses reserved fields", SOCKET, NONE, mov64Imm(R0, 0), new Insn(JMP | EXIT, 0, 0, 0, 1));
        bad("ja_with_immediate", "BPF_JA uses reserved fields", SOCKET, NONE, mov64Imm(R0, 0), new Insn(JMP | JA, 0, 0, 0, 1), exit());
        bad("conditional_jump_k_with_source", "BPF_JMP/JMP32 uses reserved fields", SOCKET, NONE, mov64Imm(R0, 0),
                new Insn(JMP | JEQ | K, 0, 1, 0, 1), exit());
        bad("alu_k_with_source", "BPF_ALU uses reserved fields", SOCKET, NONE, new Insn(ALU64 | ADD | K, 0, 1, 0, 1),
                mov64Imm(R0, 0), exit());
        bad("byte_swap_width_8", "BPF_END uses reserved fields", SOCKET, NONE, mov64Imm(R0, 1),
                new Insn(ALU | END | TO_LE, 0, 0, 0, 8), exit());
        bad("store_immediate_with_source", "BPF_ST uses reserved fields", SOCKET, NONE, new Insn(ST | MEM | DW, R10, 1, -8, 0),
                mov64Imm(R0, 0), exit());
    }

    /** may_goto +{@code off}: the kernel's bounded loop escape. */
    private static Insn mayGoto(int off) { return new Insn(JMP | 0xe0, 0, 0, off, 0); }

    /** r0 = 100 + (a random number & 63): a range its known bits do not give. */
    private static Insn[] range100to163() { return new Insn[] { call(7), alu64Imm(AND, R0, 63), alu64Imm(ADD, R0, 100) }; }

    /** r6 = fp - 32 + (a random number & {@code mask}). */
    private static Insn[] stackIndex(int mask) {
        return new Insn[] { call(7), alu64Imm(AND, R0, mask), mov64Reg(R6, R10), alu64Imm(ADD, R6, -32), alu64Reg(ADD, R6, R0) };
    }

    /** bpf_probe_read_kernel(buf = {@code reg}, {@code size}, NULL): the helper writes {@code size} bytes at buf. */
    private static Insn[] probeRead(int reg, int size) {
        return new Insn[] { mov64Reg(R1, reg), mov64Imm(R2, size), mov64Imm(R3, 0), call(113) };
    }

    /** {@code n} 4-byte stores of zero from {@code from} up: known zero bytes (not a spilled register). */
    private static Insn[] zeroWords(int from, int n) {
        Insn[] out = new Insn[n];
        for (int i = 0; i < n; i++) out[i] = storeImm(4, R10, from + 4 * i, 0);
        return out;
    }

    /** The main program writes {@code mainDepth} bytes down its stack and calls a function that writes {@code fDepth}. */
    private static Insn[] twoFrames(int mainDepth, int fDepth) {
        return new Insn[] { storeImm(8, R10, -mainDepth, 0), callLocal("f", 2), mov64Imm(R0, 0), exit(),
                storeImm(8, R10, -fDepth, 0), mov64Imm(R0, 0), exit() };
    }

    static List<Entry> all() { return List.copyOf(ALL); }
}
