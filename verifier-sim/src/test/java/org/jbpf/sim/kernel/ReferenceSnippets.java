package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jbpf.core.asm.Insn;

/**
 * Snippets for {@link RandomPrograms} where a verdict hangs on what a pointer may be: a ring buffer record reserved,
 * tested against null, written and then submitted or discarded (the kernel tracks the reference it holds), and a
 * map lookup tested with a 32-bit compare, which the kernel does not take as a null test. Each sets every register
 * it reads and leaves r6 changed; now and then one step is wrong (no null test, a write past the record, a record
 * never released or released twice, a size the kernel cannot see), so that many are refused.
 */
final class ReferenceSnippets {
    private static final int RESERVE = 131, SUBMIT = 132, DISCARD = 133;

    private final Random rnd;
    private final double bad;

    ReferenceSnippets(Random rnd, double bad) {
        this.rnd = rnd;
        this.bad = bad;
    }

    private boolean oops() { return rnd.nextDouble() < bad * 3; }

    private static int slots(List<Insn> insns) {
        int n = 0;
        for (Insn i : insns) n += i.slots();
        return n;
    }

    /** Reserves a record of 8 to 32 bytes in ring buffer {@code ring}, writes it and hands it back. */
    void ringRecord(List<Insn> out, String ring) {
        int size = 8 * (1 + rnd.nextInt(4));
        out.add(ldMap(R1, ring));
        if (oops()) {
            // a size the kernel cannot see as a constant
            out.add(call(7));
            out.add(alu64Imm(AND, R0, 31));
            out.add(mov64Reg(R2, R0));
            out.add(ldMap(R1, ring));
        } else out.add(mov64Imm(R2, size));
        out.add(mov64Imm(R3, 0));
        out.add(call(RESERVE));
        out.add(mov64Reg(R6, R0));
        List<Insn> use = new ArrayList<>();
        int writes = 1 + rnd.nextInt(2);
        for (int i = 0; i < writes; i++) {
            int width = 1 << rnd.nextInt(4);
            int off = oops() ? size - width + 1 + rnd.nextInt(8) : width * rnd.nextInt(size / width);
            use.add(storeImm(width, R6, off, rnd.nextInt(100)));
        }
        int release = rnd.nextBoolean() ? SUBMIT : DISCARD;
        boolean released = !oops();
        if (released) {
            use.add(mov64Reg(R1, R6));
            use.add(mov64Imm(R2, 0));
            use.add(call(release));
            if (oops()) {
                // the record again, after it was handed back
                use.add(rnd.nextBoolean() ? storeImm(8, R6, 0, 1) : mov64Reg(R1, R6));
                if (op(use.get(use.size() - 1).opcode()) == MOV) { use.add(mov64Imm(R2, 0)); use.add(call(release)); }
            }
        }
        if (!oops()) out.add(jumpImm(JEQ, R6, 0, slots(use)));
        out.addAll(use);
    }

    /** A lookup in map {@code map} tested against null in 32 bits: neither edge learns that the value is not null. */
    void lookupTested32(List<Insn> out, String map) {
        out.add(storeImm(4, R10, -4, rnd.nextInt(4)));
        out.add(mov64Reg(R2, R10));
        out.add(alu64Imm(ADD, R2, -4));
        out.add(ldMap(R1, map));
        out.add(call(1));
        out.add(mov64Reg(R6, R0));
        boolean wide = oops();
        List<Insn> use = List.of(load(1 << rnd.nextInt(4), R0, R6, 0));
        out.add(wide ? jumpImm(JEQ, R6, 0, slots(use)) : jump32Imm(rnd.nextBoolean() ? JEQ : JNE, R6, 0, slots(use)));
        out.addAll(use);
    }
}
