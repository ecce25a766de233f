package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.jbpf.sim.kernel.Corpus.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.MapSpec;

/**
 * Scalars stored on the stack with fewer than 8 bytes, at the start of a slot, as LLVM keeps 32-bit locals: the
 * kernel spills them with their bounds, and a fill of no more bytes from the slot's start reads them back (cut to the
 * fill's size). Each program offsets an 8-byte read of a 16-byte map value by the filled number; the twin beside
 * each is one past what fits, and the kernel refuses it.
 */
final class NarrowSpillsCorpus {
    private NarrowSpillsCorpus() {}

    private static final List<Entry> ALL = new ArrayList<>();
    private static final List<MapSpec> TABLE = List.of(ARRAY);
    private static final String TOO_FAR = "R6 max value is outside of the allowed memory range";

    /** r6 = a value of the table (or exit 0), r2 = a random number masked with {@code mask}. */
    private static Insn[] valueAndRandom(int mask) {
        return cat(keyOnStack("table"), call(1), jumpImm(JNE, R0, 0, 2), mov64Imm(R0, 0), exit(), mov64Reg(R6, R0),
                call(7), mov64Reg(R2, R0), alu64Imm(AND, R2, mask));
    }

    /** Reads 8 bytes at r6 + r3. */
    private static final Insn[] READ = { alu64Reg(ADD, R6, R3), load(8, R0, R6, 0), mov64Imm(R0, 0), exit() };

    private static void pair(String name, int fits, java.util.function.IntFunction<Insn[]> program) {
        pair(name, fits, TOO_FAR, program);
    }

    private static void pair(String name, int fits, String tooFar, java.util.function.IntFunction<Insn[]> program) {
        ALL.add(new Entry(name, TP, TABLE, List.of(program.apply(fits)), true, null));
        ALL.add(new Entry(name + "_one_past", TP, TABLE, List.of(program.apply(fits + 1)), false, tooFar));
    }

    static {
        // a 32-bit store of a number up to 8 (or 9), filled back in 32 bits
        pair("u32_spill_and_fill_keep_bounds", 8, max -> cat(valueAndRandom(15), jumpImm(JGT, R2, max, 6),
                store(4, R10, -8, R2), load(4, R3, R10, -8), READ, mov64Imm(R0, 0), exit()));
        // a 16-bit store filled back in 16 bits, and an 8-byte spill filled back in 32 bits
        pair("u16_spill_and_fill_keep_bounds", 8, max -> cat(valueAndRandom(15), jumpImm(JGT, R2, max, 6),
                store(2, R10, -8, R2), load(2, R3, R10, -8), READ, mov64Imm(R0, 0), exit()));
        pair("u64_spill_filled_in_32_bits_keeps_bounds", 8, max -> cat(valueAndRandom(15), jumpImm(JGT, R2, max, 6),
                store(8, R10, -8, R2), load(4, R3, R10, -8), READ, mov64Imm(R0, 0), exit()));
        // a 32-bit store of a constant
        pair("u32_constant_store_and_fill", 8, "R6 min value is outside of the allowed memory range", c -> cat(valueAndRandom(15), storeImm(4, R10, -8, c), load(4, R3, R10, -8), READ));
    }

    static List<Entry> all() { return List.copyOf(ALL); }
}
