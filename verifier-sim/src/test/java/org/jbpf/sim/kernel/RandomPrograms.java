package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;

/**
 * A seeded generator of raw BPF programs near the edge of what the verifier accepts: scalar arithmetic and
 * branches that narrow bounds, stack stores, loads and pointer spills, context reads, map lookups with and without
 * null tests, indexed map value accesses, helper calls with good and bad arguments, pointer arithmetic, short
 * bounded loops, loops only may_goto ends, atomics on spilled slots, helper buffers at a variable stack offset,
 * nested loops and chains of if/else diamonds whose sum may later decide a branch or offset a stack pointer (the
 * shapes where state pruning and precision matter), a called function, and the bounds edges of {@link EdgeSnippets}
 * (packet reads after compares with data_end, 32-bit and mixed-sign bounds used as offsets), and the pointer cases of
 * {@link ReferenceSnippets} (ring buffer records reserved, written and handed back, lookups tested in 32 bits). It tracks roughly what
 * each register holds so that most programs are plausible, and with a small probability picks a wrong register or
 * offset so that many are refused.
 */
final class RandomPrograms {
    static final MapSpec HASH = new MapSpec("h", MapTypes.HASH, 4, 16, 16, 0, 0, 0);
    static final MapSpec ARRAY = new MapSpec("a", MapTypes.ARRAY, 4, 16, 4, 0, 0, 0);
    static final MapSpec READ_ONLY = new MapSpec("ro", MapTypes.HASH, 4, 16, 4, 1 << 7, 0, 0);
    static final MapSpec WRITE_ONLY = new MapSpec("wo", MapTypes.HASH, 4, 16, 4, 1 << 8, 0, 0);
    static final MapSpec RING = new MapSpec("rb", MapTypes.RINGBUF, 0, 0, 4096, 0, 0, 0);
    static final List<MapSpec> MAPS = List.of(HASH, ARRAY, READ_ONLY, WRITE_ONLY, RING);
    private static final String[] SECTIONS = { "socket", "tracepoint/syscalls/sys_enter_read", "raw_tracepoint/sys_enter",
            "kprobe/do_sys_open", "xdp" };
    private static final long[] VALUES = { 0, 1, -1, 2, 3, 7, 8, 15, 16, 17, 31, 32, 63, 64, 255, 4096, 0x7fffffff, -8 };
    private static final int[] ALU_OPS = { ADD, SUB, MUL, DIV, OR, AND, LSH, RSH, MOD, XOR, ARSH };
    private static final int[] JMP_OPS = { JEQ, JNE, JGT, JGE, JLT, JLE, JSGT, JSGE, JSLT, JSLE, JSET };
    /** What a diamond's arm adds to its sum: multiples of 8, so that the sum can offset a stack pointer. */
    private static final long[] STEPS = { 0, 8, 16, 24, 32, 64, 72 };

    /** What the generator believes a register holds (not what the verifier will conclude). */
    private enum Kind { NONE, SCALAR, CTX, STACK, VALUE_OR_NULL, VALUE, MIXED }

    private final Random rnd;
    private final double bad;
    private final EdgeSnippets edges;
    private final ReferenceSnippets references;
    /** The wider mode's snippets ({@link WiderSnippets}); null in the first mode, so that old seeds keep their programs. */
    private final WiderSnippets wider;
    /** The callback mode's snippets ({@link CallbackSnippets}); null in the other modes. */
    private final CallbackSnippets callbacks;
    private Kind[] kinds;
    private String section;
    private boolean usesFunction;

    RandomPrograms(long seed, double bad) { this(seed, bad, false); }

    /** @param wide whether to add the shapes of {@link WiderSnippets} to the mix */
    RandomPrograms(long seed, double bad, boolean wide) { this(seed, bad, wide, false); }

    /** @param withCallbacks whether to add, to the wider mode, the shapes of {@link CallbackSnippets} */
    RandomPrograms(long seed, double bad, boolean wide, boolean withCallbacks) {
        this.rnd = new Random(seed);
        this.bad = bad;
        this.edges = new EdgeSnippets(rnd, bad);
        this.references = new ReferenceSnippets(rnd, bad);
        this.wider = wide || withCallbacks ? new WiderSnippets(rnd, bad) : null;
        this.callbacks = withCallbacks ? new CallbackSnippets(rnd, bad) : null;
    }

    Corpus.Entry next(int number) {
        section = SECTIONS[rnd.nextInt(SECTIONS.length)];
        kinds = new Kind[11];
        Arrays.fill(kinds, Kind.NONE);
        kinds[1] = Kind.CTX;
        kinds[10] = Kind.STACK;
        usesFunction = false;
        if (callbacks != null) callbacks.reset();
        List<Insn> body = block(2 + rnd.nextInt(12), 0);
        List<Insn> p = new ArrayList<>(body);
        if (!oops() || kinds[0] != Kind.SCALAR) p.add(mov64Imm(R0, pick(VALUES)));
        p.add(exit());
        if (usesFunction) {
            // f(r1, r2): r0 = r1 op r2, or something using its own stack
            List<Insn> f = new ArrayList<>(List.of(mov64Reg(R0, R1)));
            if (rnd.nextBoolean()) f.add(alu64Reg(ALU_OPS[rnd.nextInt(ALU_OPS.length)], R0, oops() ? R6 : R2));
            else { f.add(storeImm(8, R10, -8 * (1 + rnd.nextInt(oops() ? 80 : 8)), 1)); f.add(alu64Imm(ADD, R0, 1)); }
            f.add(exit());
            // the callback mode places f by name, not after the first exit (an early return may come first), and only
            // when a call of it is left (a dropped loop may have held the only one)
            if (callbacks == null) p.addAll(f);
            else if (p.stream().anyMatch(i -> i.isLocalCall() && "f".equals(i.reference()))) p.addAll(named("f", f));
        }
        if (callbacks != null)
            for (CallbackSnippets.Function f : callbacks.functions) p.addAll(named(f.name(), f.body()));
        return new Corpus.Entry("random#" + number, section, MAPS, link(p), false);
    }

    /** {@code body} with its first instruction carrying {@code name}, where {@link #link} finds the function. */
    private static List<Insn> named(String name, List<Insn> body) {
        List<Insn> out = new ArrayList<>(body);
        out.set(0, out.get(0).withReference("start:" + name));
        return out;
    }

    private boolean oops() { return rnd.nextDouble() < bad; }

    private long pick(long[] values) { return values[rnd.nextInt(values.length)]; }

    /** Mostly the plain maps; now and then one the program may only read or only write. */
    private MapSpec map() { return MAPS.get(rnd.nextInt(8) == 0 ? 2 + rnd.nextInt(2) : rnd.nextInt(2)); }

    /** A register holding {@code want}, or any register when none does or by mistake; -1 when there is none. */
    private int reg(Kind want) {
        List<Integer> c = new ArrayList<>();
        for (int r = 0; r <= 9; r++) if (kinds[r] == want) c.add(r);
        if (oops()) return rnd.nextInt(10);
        return c.isEmpty() ? -1 : c.get(rnd.nextInt(c.size()));
    }

    private int scratch() { return 6 + rnd.nextInt(4); }

    private List<Insn> block(int snippets, int depth) {
        List<Insn> out = new ArrayList<>();
        for (int i = 0; i < snippets; i++) snippet(out, depth);
        return out;
    }

    private void snippet(List<Insn> out, int depth) {
        if (callbacks != null && depth < 2 && rnd.nextInt(3) == 0) {
            callbacks.any(out);
            for (int r = 0; r <= 5; r++) kinds[r] = Kind.NONE;
            for (int r = 6; r <= 9; r++) kinds[r] = Kind.MIXED;
            kinds[R0] = Kind.SCALAR;
            return;
        }
        int choice = rnd.nextInt(depth < 2 ? (wider != null ? 25 : 21) : 10);
        switch (choice) {
            case 0: { int r = rnd.nextInt(10); out.add(rnd.nextInt(4) == 0 ? mov32Imm(r, pick(VALUES)) : mov64Imm(r, pick(VALUES))); kinds[r] = Kind.SCALAR; break; }
            case 1: scalarAlu(out); break;
            case 2: contextLoad(out); break;
            case 3: stackStore(out); break;
            case 4: stackLoad(out); break;
            case 5: helper(out); break;
            case 6: pointerArithmetic(out); break;
            case 7: spill(out); break;
            case 8: scalarAlu(out); break;
            case 9: callFunction(out); break;
            case 10: case 11: lookup(out, depth); break;
            case 12: branch(out, depth); break;
            case 13: loop(out, depth); break;
            case 14: diamonds(out); break;
            case 15: nestedLoops(out, depth); break;
            default: edge(out, choice - 16);
        }
    }

    /** One of {@link EdgeSnippets}: a packet read (XDP, with the context at hand), a sub-register index, a map value index. */
    private void edge(List<Insn> out, int which) {
        int ctx = reg(Kind.CTX);
        if (which == 0 && section.equals("xdp") && ctx >= 0 && kinds[ctx] == Kind.CTX) edges.packetRead(out, ctx);
        else if (which == 2) edges.mapValueIndex(out, rnd.nextBoolean() ? "a" : "h");
        else if (which == 3) references.ringRecord(out, RING.name());
        else if (which == 4) references.lookupTested32(out, rnd.nextBoolean() ? "a" : "h");
        else if (which == 5) wider.mapValueOffset(out, rnd.nextBoolean() ? "a" : "h");
        else if (which == 6) wider.uninitialisedStack(out);
        else if (which == 7) wider.pointerJump32(out, ctx >= 0 && kinds[ctx] == Kind.CTX ? ctx : -1, section.equals("xdp"));
        else if (which == 8) wider.anyHelper(out, KernelRunner.progType(section), ctx >= 0 && kinds[ctx] == Kind.CTX ? ctx : -1, MAPS);
        else edges.subRegisterIndex(out);
        for (int r = 0; r <= 5; r++) kinds[r] = Kind.NONE;
        for (int r = 6; r <= 9; r++) kinds[r] = Kind.MIXED;
        kinds[R0] = Kind.SCALAR;
    }

    private void scalarAlu(List<Insn> out) {
        int d = reg(Kind.SCALAR);
        if (d < 0 || d == 10) return;
        int op = ALU_OPS[rnd.nextInt(ALU_OPS.length)];
        boolean wide = rnd.nextInt(3) != 0;
        if (rnd.nextBoolean()) {
            int s = reg(Kind.SCALAR);
            if (s < 0) s = d;
            out.add(wide ? alu64Reg(op, d, s) : alu32Reg(op, d, s));
        } else {
            long imm = op == LSH || op == RSH || op == ARSH ? rnd.nextInt(oops() ? 70 : (wide ? 64 : 32))
                    : (op == DIV || op == MOD) && !oops() ? 1 + rnd.nextInt(16) : pick(VALUES);
            out.add(wide ? alu64Imm(op, d, imm) : alu32Imm(op, d, imm));
        }
        if (rnd.nextInt(8) == 0) out.add(rnd.nextBoolean() ? neg64(d) : new Insn(ALU | END | TO_BE, d, 0, 0, 16 << rnd.nextInt(3)));
        kinds[d] = kinds[d] == Kind.SCALAR ? Kind.SCALAR : Kind.MIXED;
    }

    private void contextLoad(List<Insn> out) {
        int c = reg(Kind.CTX);
        if (c < 0) return;
        int d = rnd.nextInt(10);
        int size = section.startsWith("socket") || section.equals("xdp") ? 4 : 8;
        int off = section.equals("xdp") ? 4 * rnd.nextInt(oops() ? 8 : 6) : section.startsWith("socket") ? 4 * rnd.nextInt(oops() ? 24 : 13)
                : section.startsWith("tracepoint") ? 8 * (1 + rnd.nextInt(6)) : 8 * rnd.nextInt(oops() ? 30 : 12);
        if (oops()) size = 1 << rnd.nextInt(4);
        out.add(load(size, d, c, off));
        kinds[d] = Kind.SCALAR;
    }

    private int stackOffset(int size) {
        if (oops()) return -(1 + rnd.nextInt(520));
        return -size * (1 + rnd.nextInt(64 / size));
    }

    private void stackStore(List<Insn> out) {
        int size = 1 << rnd.nextInt(4);
        int base = kinds[10] == Kind.STACK && !oops() ? R10 : reg(Kind.STACK);
        if (base < 0) return;
        if (rnd.nextBoolean()) out.add(storeImm(size, base, stackOffset(size), pick(VALUES)));
        else {
            int s = reg(Kind.SCALAR);
            if (s < 0) return;
            out.add(store(size, base, stackOffset(size), s));
        }
    }

    private void stackLoad(List<Insn> out) {
        int size = 1 << rnd.nextInt(4);
        int d = scratch();
        out.add(load(size, d, R10, stackOffset(size)));
        kinds[d] = Kind.MIXED;
    }

    private void spill(List<Insn> out) {
        int r = rnd.nextInt(10);
        if (kinds[r] == Kind.NONE && !oops()) return;
        int off = -8 * (1 + rnd.nextInt(8));
        out.add(store(oops() ? 4 : 8, R10, off, r));
        int d = scratch();
        Kind filled = kinds[r];
        if (rnd.nextInt(4) == 0) {
            // an atomic on the spilled slot: it fetches what was spilled and leaves an unknown number behind
            int s = scratch(), aop = new int[] { ADD | FETCH, XCHG, CMPXCHG }[rnd.nextInt(3)];
            out.add(mov64Imm(s, 1));
            if (aop == CMPXCHG) out.add(mov64Imm(R0, 0));
            out.add(atomic(rnd.nextInt(4) == 0 ? 4 : 8, aop, R10, off, s));
            kinds[aop == CMPXCHG ? R0 : s] = filled;
            filled = Kind.MIXED;
        }
        out.add(load(8, d, R10, off));
        kinds[d] = filled;
    }

    private void pointerArithmetic(List<Insn> out) {
        int d = scratch();
        int src = rnd.nextInt(3) == 0 ? reg(Kind.CTX) : R10;
        if (src < 0) src = R10;
        out.add(mov64Reg(d, src));
        int op = oops() ? ALU_OPS[rnd.nextInt(ALU_OPS.length)] : ADD;
        if (rnd.nextBoolean()) out.add(alu64Imm(op, d, -8 * (1 + rnd.nextInt(8))));
        else {
            int s = reg(Kind.SCALAR);
            if (s < 0 || s == d) return;
            out.add(alu64Imm(AND, s, 7));
            out.add(alu64Reg(op, d, s));
        }
        kinds[d] = src == R10 ? Kind.STACK : Kind.CTX;
        if (rnd.nextBoolean()) out.add(load(8, scratch(), d, kinds[d] == Kind.STACK ? -8 : 8));
    }

    private void helper(List<Insn> out) {
        switch (rnd.nextInt(6)) {
            case 0: out.add(call(rnd.nextBoolean() ? 7 : 5)); break;
            case 5: { // probe_read_kernel into a stack buffer at a variable offset
                out.add(call(7));
                out.add(alu64Imm(AND, R0, oops() ? 0x3f : new int[] { 0x18, 0x7, 0x10 }[rnd.nextInt(3)]));
                out.add(mov64Reg(R1, R10));
                out.add(alu64Imm(ADD, R1, -40));
                out.add(alu64Reg(ADD, R1, R0));
                out.add(mov64Imm(R2, 8));
                out.add(mov64Imm(R3, 0));
                out.add(call(113));
                break;
            }
            case 1: // get_current_comm into a stack buffer
                out.add(mov64Reg(R1, R10));
                out.add(alu64Imm(ADD, R1, -16 - 8 * rnd.nextInt(oops() ? 70 : 4)));
                out.add(mov64Imm(R2, oops() ? pick(VALUES) : 16));
                out.add(call(16));
                break;
            case 2: { // probe_read_kernel of a bounded size
                out.add(mov64Reg(R1, R10));
                out.add(alu64Imm(ADD, R1, -32));
                int s = reg(Kind.SCALAR);
                if (s >= 0 && s != R1 && rnd.nextBoolean()) {
                    out.add(mov64Reg(R2, s));
                    if (!oops()) out.add(alu64Imm(AND, R2, rnd.nextBoolean() ? 31 : 15));
                } else out.add(mov64Imm(R2, oops() ? 40 : 8));
                out.add(mov64Imm(R3, 0));
                out.add(call(113));
                break;
            }
            case 3: { // trace_printk of a small stack string
                out.add(storeImm(4, R10, -8, 0x0a6968));
                out.add(mov64Reg(R1, R10));
                out.add(alu64Imm(ADD, R1, -8));
                out.add(mov64Imm(R2, oops() ? 0 : 4));
                out.add(call(6));
                break;
            }
            default: // update of a map from stack key and value
                MapSpec m = map();
                out.add(storeImm(4, R10, -4, rnd.nextInt(4)));
                out.add(storeImm(8, R10, -24, 1));
                out.add(storeImm(8, R10, -16, 2));
                out.add(mov64Reg(R2, R10));
                out.add(alu64Imm(ADD, R2, -4));
                out.add(mov64Reg(R3, R10));
                out.add(alu64Imm(ADD, R3, oops() ? -16 : -24));
                out.add(ldMap(R1, m.name()));
                out.add(mov64Imm(R4, 0));
                out.add(call(2));
        }
        for (int r = 1; r <= 5; r++) kinds[r] = Kind.NONE;
        kinds[0] = Kind.SCALAR;
    }

    private void callFunction(List<Insn> out) {
        int s = reg(Kind.SCALAR);
        out.add(s >= 0 ? mov64Reg(R1, s) : mov64Imm(R1, 3));
        out.add(mov64Imm(R2, pick(VALUES)));
        usesFunction = true;
        out.add(new Insn(JMP | CALL, 0, PSEUDO_CALL, 0, 0, "f", null)); // offset patched by the caller of next()
        for (int r = 1; r <= 5; r++) kinds[r] = Kind.NONE;
        kinds[0] = Kind.SCALAR;
    }

    private void lookup(List<Insn> out, int depth) {
        MapSpec m = map();
        if (!oops()) out.add(storeImm(4, R10, -4, rnd.nextInt(6)));
        out.add(mov64Reg(R2, R10));
        out.add(alu64Imm(ADD, R2, -4));
        out.add(ldMap(R1, m.name()));
        out.add(call(1));
        for (int r = 1; r <= 5; r++) kinds[r] = Kind.NONE;
        int v = oops() ? R0 : 6 + rnd.nextInt(4);
        if (v != R0) out.add(mov64Reg(v, R0));
        kinds[R0] = kinds[v] = Kind.VALUE_OR_NULL;
        if (oops()) { valueUse(out, v); return; }
        List<Insn> guarded = new ArrayList<>();
        Kind[] before = kinds.clone();
        kinds[v] = Kind.VALUE;
        if (v != R0) kinds[R0] = Kind.VALUE;
        int uses = 1 + rnd.nextInt(3);
        for (int i = 0; i < uses; i++) valueUse(guarded, v);
        if (rnd.nextBoolean()) guarded.addAll(block(1 + rnd.nextInt(2), depth + 1));
        out.add(jumpImm(rnd.nextBoolean() ? JEQ : JNE, v, 0, slots(guarded)));
        // JNE skips the uses when non-null: then the uses run on null, which only a mistake intends
        if (op(out.get(out.size() - 1).opcode()) == JNE && !oops()) out.set(out.size() - 1, jumpImm(JEQ, v, 0, slots(guarded)));
        out.addAll(guarded);
        join(before);
    }

    /** Reads or writes the map value in {@code v}, at a constant offset or a bounded variable index. */
    private void valueUse(List<Insn> out, int v) {
        int size = 1 << rnd.nextInt(4);
        int off = oops() ? rnd.nextInt(20) : size * rnd.nextInt(16 / size);
        switch (rnd.nextInt(4)) {
            case 0: out.add(load(size, scratch() == v ? R0 : scratch(), v, off)); break;
            case 1: out.add(storeImm(size, v, off, pick(VALUES))); break;
            case 2: {
                int src = reg(Kind.SCALAR);
                out.add(atomic(rnd.nextBoolean() ? 8 : 4, ADD, v, 0, src < 0 ? v : src));
                break;
            }
            default: {
                int i = scratch();
                if (i == v) return;
                out.add(call(7));
                out.add(mov64Reg(i, R0));
                for (int r = 1; r <= 5; r++) kinds[r] = Kind.NONE;
                kinds[R0] = Kind.SCALAR;
                if (!oops()) out.add(alu64Imm(AND, i, rnd.nextBoolean() ? 7 : 15));
                else out.add(jumpImm(JGT, i, 12, 2));
                out.add(alu64Reg(ADD, i, v));
                out.add(load(1, i, i, 0));
                kinds[i] = Kind.SCALAR;
            }
        }
    }

    private void branch(List<Insn> out, int depth) {
        int a = reg(Kind.SCALAR);
        if (a < 0) return;
        Kind[] before = kinds.clone();
        List<Insn> inner = block(1 + rnd.nextInt(3), depth + 1);
        int op = JMP_OPS[rnd.nextInt(JMP_OPS.length)];
        boolean j32 = rnd.nextInt(4) == 0;
        Insn j;
        if (rnd.nextBoolean()) j = j32 ? jump32Imm(op, a, pick(VALUES), slots(inner)) : jumpImm(op, a, pick(VALUES), slots(inner));
        else {
            int b = reg(Kind.SCALAR);
            if (b < 0) b = a;
            j = j32 ? jump32Reg(op, a, b, slots(inner)) : jumpReg(op, a, b, slots(inner));
        }
        out.add(j);
        out.addAll(inner);
        join(before);
    }

    private void loop(List<Insn> out, int depth) {
        if (rnd.nextInt(3) == 0) { mayGotoLoop(out, depth); return; }
        int c = scratch();
        Kind[] before = kinds.clone();
        out.add(mov64Imm(c, 0));
        kinds[c] = Kind.SCALAR;
        List<Insn> inner = new ArrayList<>();
        inner.add(alu64Imm(ADD, c, 1));
        inner.addAll(block(1 + rnd.nextInt(2), depth + 2));
        int n = 2 + rnd.nextInt(6);
        if (kinds[c] != Kind.SCALAR) return; // the body reused the counter: drop the loop's back edge
        inner.add(jumpImm(JLT, c, n, -(slots(inner) + 1)));
        out.addAll(inner);
        join(before);
    }

    /**
     * A loop that only may_goto ends: a counter the body does not use (so the kernel widens it) and one snippet.
     */
    private void mayGotoLoop(List<Insn> out, int depth) {
        int c = scratch();
        Kind[] before = kinds.clone();
        out.add(mov64Imm(c, 0));
        kinds[c] = Kind.NONE;
        List<Insn> body = new ArrayList<>(block(1, depth + 2));
        body.add(alu64Imm(ADD, c, 1));
        out.add(new Insn(JMP | 0xe0, 0, 0, slots(body) + 1, 0));
        out.addAll(body);
        out.add(ja(-(slots(body) + 2)));
        join(before);
        kinds[c] = Kind.MIXED;
    }

    /**
     * One to four if/else diamonds on scalars, each adding one of two steps to a sum; then the sum decides whether
     * a load through a scalar (always refused) is reached, or offsets a store below fp-128, or is left alone.
     */
    private void diamonds(List<Insn> out) {
        int d = scratch();
        out.add(mov64Imm(d, 0));
        kinds[d] = Kind.SCALAR;
        for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
            int a = reg(Kind.SCALAR);
            if (a < 0 || a == 10) a = d;
            out.add(jumpImm(JMP_OPS[rnd.nextInt(JMP_OPS.length)], a, pick(VALUES), 2));
            out.add(alu64Imm(ADD, d, pick(STEPS)));
            out.add(ja(1));
            out.add(alu64Imm(ADD, d, pick(STEPS)));
        }
        int p = scratch();
        if (p == d) return;
        switch (rnd.nextInt(3)) {
            case 0:
                out.add(jumpImm(JMP_OPS[rnd.nextInt(JMP_OPS.length)], d, 8 * rnd.nextInt(20), 1));
                out.add(load(8, p, d, 0));
                kinds[p] = Kind.SCALAR;
                break;
            case 1:
                out.add(mov64Reg(p, R10));
                out.add(alu64Imm(ADD, p, -128));
                out.add(alu64Reg(ADD, p, d));
                out.add(storeImm(8, p, 0, pick(VALUES)));
                kinds[p] = Kind.MIXED;
                break;
            default:
        }
    }

    /** Two counted loops one inside the other, around a diamond on a random bit that adds to a sum. */
    private void nestedLoops(List<Insn> out, int depth) {
        int outer = scratch(), inner = scratch(), sum = scratch();
        if (outer == inner || sum == outer || sum == inner) return;
        Kind[] before = kinds.clone();
        out.add(mov64Imm(outer, 0));
        out.add(mov64Imm(sum, 0));
        List<Insn> body = new ArrayList<>(List.of(mov64Imm(inner, 0), alu64Imm(ADD, inner, 1), call(7),
                jumpImm(JSET, R0, 1, 2), alu64Imm(ADD, sum, 1), ja(1), alu64Imm(ADD, sum, 3)));
        for (int r = 0; r <= 5; r++) kinds[r] = Kind.NONE;
        kinds[R0] = kinds[outer] = kinds[inner] = kinds[sum] = Kind.SCALAR;
        if (rnd.nextBoolean()) body.addAll(block(1, depth + 2));
        if (kinds[outer] != Kind.SCALAR || kinds[inner] != Kind.SCALAR) { join(before); return; } // the body reused a counter
        body.add(jumpImm(JLT, inner, 2 + rnd.nextInt(9), -(slots(body) - 1 + 1)));
        body.add(alu64Imm(ADD, outer, 1));
        body.add(jumpImm(JLT, outer, 2 + rnd.nextInt(9), -(slots(body) + 1)));
        out.addAll(body);
        join(before);
    }

    /** After code that may or may not run: registers it changed hold one thing or another. */
    private void join(Kind[] before) {
        for (int r = 0; r <= 9; r++) if (kinds[r] != before[r]) kinds[r] = Kind.MIXED;
    }

    private static int slots(List<Insn> insns) {
        int n = 0;
        for (Insn i : insns) n += i.slots();
        return n;
    }

    /**
     * Points each call of "f" at the function after the main program's exit, and each call or address of a named
     * function ({@link CallbackSnippets}) at the instruction marked as its start.
     */
    static List<Insn> link(List<Insn> p) {
        int[] slotOf = Insn.slotOffsets(p);
        java.util.Map<String, Integer> starts = new java.util.HashMap<>();
        for (int i = 0; i < p.size(); i++) if (p.get(i).isExit()) { starts.put("f", i + 1); break; }
        for (int i = 0; i < p.size(); i++) {
            String ref = p.get(i).reference();
            if (ref != null && ref.startsWith("start:")) starts.put(ref.substring(6), i);
        }
        List<Insn> out = new ArrayList<>(p.size());
        for (int i = 0; i < p.size(); i++) {
            Insn in = p.get(i);
            if (in.reference() != null && in.reference().startsWith("start:")) in = in.withReference(null);
            boolean refers = in.isLocalCall() || in.isLdImm64() && in.src() == PSEUDO_FUNC;
            Integer target = refers ? starts.get(in.reference()) : null;
            out.add(target != null ? in.withImm(slotOf[target] - slotOf[i] - 1) : in);
        }
        return out;
    }
}
