package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jbpf.core.asm.Insn;

/**
 * Snippets for {@link RandomPrograms} at the edges where bounds decide a verdict, each self-contained (it sets every
 * register it reads except the context pointer, and uses only r0-r5 and r6-r9 as it says): packet reads of every
 * width after a compare of a pointer with data_end in any order and width, or a repeated compare; a number narrowed by
 * 32-bit operations and by a mix of signed and unsigned, 32- and 64-bit compares, then used as a stack offset; and a
 * map value indexed by such a number. Now and then one piece is off by a little, so that many are refused.
 */
final class EdgeSnippets {
    private static final int[] ORDERED = { JGT, JGE, JLT, JLE, JSGT, JSGE, JSLT, JSLE };
    private static final int[] ALU32 = { AND, ADD, SUB, OR, RSH, ARSH, LSH, MUL, XOR };
    private static final long[] SMALL = { 0, 1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 63, 64, 255, -1, -8, 0x7fffffff, 0x80000000L };

    private final Random rnd;
    private final double bad;

    EdgeSnippets(Random rnd, double bad) {
        this.rnd = rnd;
        this.bad = bad;
    }

    private boolean oops() { return rnd.nextDouble() < bad * 3; }

    private long pick(long[] values) { return values[rnd.nextInt(values.length)]; }

    private static int slots(List<Insn> insns) {
        int n = 0;
        for (Insn i : insns) n += i.slots();
        return n;
    }

    /**
     * XDP: r6 = data, r7 = data_end, r8 = data + k (+ a small variable part now and then), compared with r7; the edge
     * inside reads {@code size} bytes near the proven end, through r6 or r8; sometimes r8 is compared again first.
     */
    void packetRead(List<Insn> out, int ctx) {
        out.add(load(4, R6, ctx, 0));
        out.add(load(4, R7, ctx, 4));
        out.add(mov64Reg(R8, R6));
        boolean variable = rnd.nextInt(4) == 0;
        if (variable) {
            out.add(call(7));
            out.add(alu64Imm(AND, R0, oops() ? 0xffff : 15));
            out.add(alu64Reg(ADD, R8, R0));
        }
        int k = 1 + rnd.nextInt(64);
        out.add(alu64Imm(ADD, R8, k));
        int op = new int[] { JGT, JGE, JLT, JLE, JEQ, JNE }[rnd.nextInt(oops() ? 6 : 4)];
        boolean endFirst = rnd.nextBoolean();
        boolean narrow = oops();
        // normalised to "r8 op end": the pointer lies inside on the jump's edge for < and <=
        boolean insideWhenTaken = endFirst ? op == JGT || op == JGE : op == JLT || op == JLE;
        List<Insn> inside = new ArrayList<>();
        if (rnd.nextInt(4) == 0) {
            // a second compare of the same pointer, as a select repeats it
            int again = new int[] { JGT, JGE, JLT, JLE }[rnd.nextInt(4)];
            inside.add(jumpReg(again, R8, R7, 1));
            inside.add(ja(0));
        }
        int size = 1 << rnd.nextInt(4);
        int proven = k + (op == JGE && !endFirst || op == JLT && !endFirst || op == JGT && endFirst || op == JLE && endFirst ? 1 : 0);
        int off = proven - size + (oops() ? 1 : -rnd.nextInt(Math.max(1, Math.min(proven - size + 1, 4))));
        if (off < 0) off = 0;
        if (variable || rnd.nextBoolean()) inside.add(load(size, R9, R8, off - k));
        else inside.add(load(size, R9, R6, off));
        Insn compare = endFirst ? jumpReg(swap(op), R7, R8, 0) : jumpReg(op, R8, R7, 0);
        if (narrow) compare = new Insn(JMP32 | op(compare.opcode()) | X, compare.dst(), compare.src(), 0, 0);
        if (insideWhenTaken) {
            // jump over an exit-free skip to the reads
            out.add(compare.withOff(1));
            out.add(ja(slots(inside)));
            out.addAll(inside);
        } else {
            out.add(compare.withOff(slots(inside)));
            out.addAll(inside);
        }
    }

    private static int swap(int op) {
        switch (op) {
            case JGT: return JLT;
            case JGE: return JLE;
            case JLT: return JGT;
            case JLE: return JGE;
            default: return op;
        }
    }

    /**
     * r6 = a random number narrowed by 32-bit operations and compares of both signs and widths; then an offset into
     * the 64 stack bytes below fp-64 (written first), read or written with a random width.
     */
    void subRegisterIndex(List<Insn> out) {
        out.add(call(7));
        out.add(mov64Reg(R6, R0));
        for (int i = rnd.nextInt(3); i >= 0; i--) {
            int op = ALU32[rnd.nextInt(ALU32.length)];
            long imm = op == RSH || op == ARSH || op == LSH ? rnd.nextInt(32) : pick(SMALL);
            out.add(alu32Imm(op, R6, imm));
        }
        if (rnd.nextInt(4) == 0) out.add(rnd.nextBoolean() ? movsx64(R6, R6, 32) : movsx32(R6, R6, rnd.nextBoolean() ? 8 : 16));
        List<Insn> use = new ArrayList<>();
        use.add(mov64Reg(R7, R10));
        use.add(alu64Reg(ADD, R7, R6));
        int size = 1 << rnd.nextInt(4);
        if (rnd.nextBoolean()) use.add(load(size, R8, R7, -64));
        else use.add(storeImm(size, R7, -64, 1));
        for (int off = -64; off < 0; off += 8) out.add(storeImm(8, R10, off, 0));
        // one or two bounds, each the exit edge of a compare that jumps over the use
        List<Insn> guards = new ArrayList<>();
        for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
            int op = ORDERED[rnd.nextInt(ORDERED.length)];
            long bound = oops() ? pick(SMALL) : new long[] { 0, 56, 63, 64 - size, 60 }[rnd.nextInt(5)];
            guards.add(rnd.nextInt(3) == 0 ? jump32Imm(op, R6, bound, 0) : jumpImm(op, R6, bound, 0));
        }
        // each guard jumps over the rest of the guards and the use
        int n = guards.size();
        for (int i = 0; i < n; i++) out.add(guards.get(i).withOff((n - 1 - i) + slots(use)));
        out.addAll(use);
    }

    /** r6 = a value of {@code map} (16 bytes, or exit), r7 = a random index bounded as in {@link #subRegisterIndex}. */
    void mapValueIndex(List<Insn> out, String map) {
        out.add(storeImm(4, R10, -4, rnd.nextInt(4)));
        out.add(mov64Reg(R2, R10));
        out.add(alu64Imm(ADD, R2, -4));
        out.add(ldMap(R1, map));
        out.add(call(1));
        out.add(jumpImm(JNE, R0, 0, 2));
        out.add(mov64Imm(R0, 0));
        out.add(exit());
        out.add(mov64Reg(R6, R0));
        out.add(call(7));
        out.add(mov64Reg(R7, R0));
        if (rnd.nextBoolean()) out.add(alu32Imm(AND, R7, pick(new long[] { 7, 15, 0xff, 0xffff })));
        int size = 1 << rnd.nextInt(4);
        int op = ORDERED[rnd.nextInt(ORDERED.length)];
        long bound = oops() ? pick(SMALL) : new long[] { 16 - size, 15 - size, 8, 0 }[rnd.nextInt(4)];
        boolean j32 = rnd.nextInt(3) == 0;
        List<Insn> use = new ArrayList<>(List.of(alu64Reg(ADD, R6, R7), rnd.nextBoolean() ? load(size, R8, R6, 0) : storeImm(size, R6, 0, 3)));
        out.add(j32 ? jump32Imm(op, R7, bound, slots(use)) : jumpImm(op, R7, bound, slots(use)));
        out.addAll(use);
    }
}
