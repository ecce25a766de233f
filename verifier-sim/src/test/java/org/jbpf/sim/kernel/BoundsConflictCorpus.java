package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.jbpf.sim.kernel.Corpus.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;

/**
 * Numbers whose known bits and ranges the kernel keeps apart, found by random agreement (seed 6255218463944): a
 * sign-extending move keeps only the range (its known bits become the range's), and a branch edge whose range
 * contradicts the known bits is not ruled out (the kernel drops the range and goes on with the bits). The simulation
 * once knew more and accepted each; the kernel refuses a 4-byte read at the offset it computes, and accepts the
 * 1-byte read beside it.
 */
final class BoundsConflictCorpus {
    private BoundsConflictCorpus() {}

    private static final List<Entry> ALL = new ArrayList<>();

    /** r6 = a random number, then {@code narrow}; fp-64..fp-8 zeroed; then {@code guards} and a read at fp-64 + r6. */
    private static void pair(String name, Insn[] narrow, Insn... guards) {
        for (int size : new int[] { 1, 4 }) {
            List<Insn> p = new ArrayList<>(List.of(call(7), mov64Reg(R6, R0)));
            p.addAll(List.of(narrow));
            for (int off = -64; off < 0; off += 8) p.add(storeImm(8, R10, off, 0));
            for (int i = 0; i < guards.length; i++) p.add(guards[i].withOff(guards.length - i + 2));
            p.addAll(List.of(mov64Reg(R7, R10), alu64Reg(ADD, R7, R6), load(size, R8, R7, -64), mov64Imm(R0, 0), exit()));
            ALL.add(new Entry(name + (size == 1 ? "_byte" : "_word"), SOCKET, List.of(), p, size == 1, null));
        }
    }

    static {
        // (x & 15) << 11 is a multiple of 2048: at most 56 only as 0, but after (s16) the kernel knows just [0, 30720]
        pair("sign_extended_multiple_of_2048_keeps_only_its_range",
                new Insn[] { alu32Imm(AND, R6, 15), alu32Imm(LSH, R6, 11), movsx32(R6, R6, 16) }, jumpImm(JSGT, R6, 56, 0));
        pair("sign_extended_64_multiple_of_2048_keeps_only_its_range",
                new Insn[] { alu32Imm(AND, R6, 15), alu32Imm(LSH, R6, 11), movsx64(R6, R6, 16) }, jumpImm(JSGT, R6, 56, 0));
        // (x | 255) + 31 ends in 0x1e: in [60, 62] it can only be 62, the bits say; the kernel goes on with 62
        pair("low_bits_pick_62_in_a_range_that_holds_it",
                new Insn[] { alu32Imm(OR, R6, 255), alu32Imm(ADD, R6, 31) }, jump32Imm(JSLT, R6, 60, 0), jumpImm(JGE, R6, 63, 0));
        // -8x - 29 ends in 011: in [61, 62] no value does; the kernel drops the range and reads at 63
        pair("low_bits_contradict_the_range_and_win",
                new Insn[] { alu32Imm(MUL, R6, -8), alu32Imm(ADD, R6, 3), alu32Imm(SUB, R6, 32) }, jump32Imm(JLE, R6, 60, 0),
                jumpImm(JGE, R6, 63, 0));
    }

    static List<Entry> all() { return ALL; }
}
