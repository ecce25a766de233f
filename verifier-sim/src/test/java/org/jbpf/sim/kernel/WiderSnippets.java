package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.helper.ArgKind;
import org.jbpf.core.helper.HelperSpec;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.obj.MapSpec;

/**
 * More snippets for {@link RandomPrograms} in its wider mode, each self-contained like {@link EdgeSnippets}: a map
 * value offset by a number bounded by a mask or a compare (of either sign or width) before a read or write near its
 * end; reads of stack bytes nothing wrote (a privileged load may read them), or of part of a spilled pointer; pointers
 * (the stack, the context, a map value, a packet) compared in 32 bits, then used; and any helper the simulation models
 * for the program's type, its arguments filled by kind, now and then with the wrong kind or size.
 */
final class WiderSnippets {
    private static final int[] ORDERED = { JGT, JGE, JLT, JLE, JSGT, JSGE, JSLT, JSLE };
    private static final int[] ALL_JUMPS = { JEQ, JNE, JGT, JGE, JLT, JLE, JSGT, JSGE, JSLT, JSLE, JSET };
    private static final long[] SIZES = { 0, 1, 4, 8, 16, 24, 64, 65 };

    private final Random rnd;
    private final double bad;
    private final List<HelperSpec> helpers = new ArrayList<>();

    WiderSnippets(Random rnd, double bad) {
        this.rnd = rnd;
        this.bad = bad;
        // in id order, so that a seed picks the same helpers every run
        for (HelperSpec h : HelperTable.all().values()) {
            if (h.id() == HelperTable.LOOP || h.id() == HelperTable.TAIL_CALL) continue;
            boolean simple = true;
            for (ArgKind k : h.args()) simple &= k != ArgKind.RINGBUF_RELEASE && k != ArgKind.CONST_STR;
            if (simple) helpers.add(h);
        }
    }

    private boolean oops() { return rnd.nextDouble() < bad * 3; }

    private static int slots(List<Insn> insns) {
        int n = 0;
        for (Insn i : insns) n += i.slots();
        return n;
    }

    /** A lookup whose value (16 bytes) is offset by a random number bounded one way or another, then read or written. */
    void mapValueOffset(List<Insn> out, String map) {
        out.add(storeImm(4, R10, -4, rnd.nextInt(4)));
        out.add(mov64Reg(R2, R10));
        out.add(alu64Imm(ADD, R2, -4));
        out.add(ldMap(R1, map));
        out.add(call(1));
        out.add(mov64Reg(R6, R0));
        List<Insn> inner = new ArrayList<>();
        inner.add(call(7));
        inner.add(rnd.nextInt(4) == 0 ? mov32Reg(R7, R0) : mov64Reg(R7, R0));
        int size = 1 << rnd.nextInt(4);
        long room = 16 - size;
        List<Insn> use = new ArrayList<>();
        use.add(rnd.nextBoolean() ? alu64Reg(ADD, R6, R7) : alu64Reg(ADD, R7, R6));
        int ptr = op(use.get(0).opcode()) == ADD && use.get(0).dst() == R6 ? R6 : R7;
        int off = rnd.nextInt(4) == 0 ? (int) Math.min(room, rnd.nextInt(4)) : 0;
        if (oops()) off += 1 + rnd.nextInt(4);
        if (rnd.nextBoolean()) use.add(load(size, R8, ptr, off));
        else use.add(storeImm(size, ptr, off, 7));
        switch (rnd.nextInt(3)) {
            case 0: // a mask
                inner.add(alu64Imm(AND, R7, oops() ? 31 : new long[] { 0, 1, 3, 7 }[rnd.nextInt(4)] & Math.max(0, room - off)));
                inner.addAll(use);
                break;
            case 1: { // a compare that jumps over the use when the number is too large
                int op = ORDERED[rnd.nextInt(ORDERED.length)];
                long bound = room - off + (oops() ? 1 : -rnd.nextInt(2));
                boolean narrow = rnd.nextInt(3) == 0;
                // "r7 op bound" jumps over the use: the use runs when it fails; for < and <= swap so that it runs when small
                boolean smallJumps = op == JLT || op == JLE || op == JSLT || op == JSLE;
                if (smallJumps) {
                    inner.add(narrow ? jump32Imm(op, R7, bound + 1, 1) : jumpImm(op, R7, bound + 1, 1));
                    inner.add(ja(slots(use)));
                } else inner.add(narrow ? jump32Imm(op, R7, bound, slots(use)) : jumpImm(op, R7, bound, slots(use)));
                inner.addAll(use);
                break;
            }
            default: // two compares, of both signs
                inner.add(jumpImm(JSLT, R7, oops() ? -1 : 0, slots(use) + 1));
                inner.add(jumpImm(JGT, R7, room - off, slots(use)));
                inner.addAll(use);
        }
        out.add(jumpImm(JEQ, R6, 0, slots(inner)));
        out.addAll(inner);
    }

    /** Reads of stack bytes below fp-384, which no other snippet writes: unwritten, or part of a spilled pointer. */
    void uninitialisedStack(List<Insn> out) {
        int off = -392 - 8 * rnd.nextInt(14);
        int size = 1 << rnd.nextInt(4);
        switch (rnd.nextInt(4)) {
            case 0:
                out.add(load(size, R6, R10, off + (oops() ? 1 : 0)));
                break;
            case 1: // a spilled pointer read back in part, or whole
                out.add(store(8, R10, off, R10));
                out.add(load(rnd.nextBoolean() ? 8 : size, R6, R10, off + (rnd.nextInt(3) == 0 ? 4 : 0)));
                if (rnd.nextBoolean()) out.add(load(8, R7, R6, -8));
                break;
            case 2: // an unwritten number as a stack offset
                out.add(load(8, R6, R10, off));
                out.add(alu64Imm(AND, R6, oops() ? 63 : 56));
                out.add(mov64Reg(R7, R10));
                out.add(alu64Imm(ADD, R7, -64));
                out.add(alu64Reg(ADD, R7, R6));
                out.add(load(size, R8, R7, 0));
                break;
            default: // a helper reads unwritten stack bytes as a map value
                out.add(storeImm(4, R10, -4, 0));
                out.add(mov64Reg(R2, R10));
                out.add(alu64Imm(ADD, R2, -4));
                out.add(mov64Reg(R3, R10));
                out.add(alu64Imm(ADD, R3, off));
                out.add(ldMap(R1, RandomPrograms.HASH.name()));
                out.add(mov64Imm(R4, 0));
                out.add(call(2));
        }
    }

    /** A pointer compared in 32 bits with a number or another pointer; one edge then reads through it. */
    void pointerJump32(List<Insn> out, int ctx, boolean xdp) {
        int kind = rnd.nextInt(xdp ? 4 : 3);
        if (ctx < 0 && kind != 2) kind = 0;
        if (kind == 0) { out.add(mov64Reg(R6, R10)); out.add(alu64Imm(ADD, R6, -8)); out.add(storeImm(8, R10, -8, 0)); }
        else if (kind == 1) out.add(mov64Reg(R6, ctx));
        else if (kind == 2) {
            out.add(storeImm(4, R10, -4, 0));
            out.add(mov64Reg(R2, R10));
            out.add(alu64Imm(ADD, R2, -4));
            out.add(ldMap(R1, rnd.nextBoolean() ? RandomPrograms.ARRAY.name() : RandomPrograms.HASH.name()));
            out.add(call(1));
            out.add(mov64Reg(R6, R0));
        } else {
            out.add(load(4, R6, ctx, 0));
            out.add(load(4, R7, ctx, 4));
        }
        int op = ALL_JUMPS[rnd.nextInt(ALL_JUMPS.length)];
        List<Insn> use = List.of(load(kind == 3 ? 1 : 4, R8, R6, 0));
        if (kind == 3 && rnd.nextBoolean()) out.add(jump32Reg(op, R6, R7, slots(use)));
        else if (rnd.nextInt(3) == 0) { out.add(call(7)); out.add(mov64Reg(R9, R0)); out.add(jump32Reg(op, R6, R9, slots(use))); }
        else out.add(jump32Imm(op, R6, rnd.nextInt(3) == 0 ? 0 : 8, slots(use)));
        out.addAll(use);
    }

    /** Any helper modelled for {@code programType}, its arguments made by kind; r9 keeps the context while they are. */
    void anyHelper(List<Insn> out, int programType, int ctx, List<MapSpec> maps) {
        List<HelperSpec> usable = new ArrayList<>();
        for (HelperSpec h : helpers) if (h.allowedIn(programType) && HelperTable.prototype(h.id(), programType) != null) usable.add(h);
        if (usable.isEmpty()) return;
        HelperSpec h = HelperTable.prototype(usable.get(rnd.nextInt(usable.size())).id(), programType);
        if (ctx >= 0) out.add(mov64Reg(R9, ctx));
        out.add(call(7));
        out.add(store(8, R10, -72, R0));
        for (int off = -64; off < 0; off += 8) out.add(storeImm(8, R10, off, 0));
        MapSpec map = maps.get(0);
        for (MapSpec m : maps) if (h.mapTypes().contains(m.type()) && rnd.nextBoolean()) map = m;
        for (int i = 0; i < h.args().size(); i++) {
            int r = i + 1;
            ArgKind k = h.args().get(i);
            if (oops()) k = ArgKind.values()[rnd.nextInt(ArgKind.values().length)];
            switch (k) {
                case MAP_PTR: out.add(ldMap(r, map.name())); break;
                case MAP_KEY: case MAP_VALUE: case MEM_READ: case MEM_WRITE: case MEM_READ_OR_NULL:
                    out.add(mov64Reg(r, R10));
                    out.add(alu64Imm(ADD, r, k == ArgKind.MAP_KEY ? -8 : -64));
                    break;
                case CTX: out.add(ctx >= 0 ? mov64Reg(r, R9) : mov64Reg(r, R10)); break;
                case SIZE: case SIZE_OR_ZERO:
                    if (rnd.nextInt(4) == 0) { out.add(load(8, r, R10, -72)); out.add(alu64Imm(AND, r, oops() ? 127 : 31)); }
                    else out.add(mov64Imm(r, SIZES[rnd.nextInt(oops() ? SIZES.length : 5)]));
                    break;
                case ALLOC_SIZE: out.add(mov64Imm(r, 16)); break;
                default: out.add(mov64Imm(r, rnd.nextInt(3) == 0 ? 0 : 1));
            }
        }
        out.add(call(h.id()));
    }
}
