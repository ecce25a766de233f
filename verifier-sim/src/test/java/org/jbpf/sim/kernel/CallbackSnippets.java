package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jbpf.core.asm.Insn;

/**
 * Snippets for {@link RandomPrograms} in its callback mode: bpf_loop with a body that counts in its caller's stack,
 * uses its index as an offset, looks up a map or runs a loop of its own; numeric iterators ({@code bpf_iter_num_*})
 * whose numbers offset a buffer or add to a sum, nested in each other and in bpf_loop bodies; and BPF functions given
 * a pointer to their caller's stack or to a map value, which write and read through it, pass it on or hand it to
 * bpf_loop. After each, the caller uses what came back (a counter, a sum, r0) as a stack offset, masked or not. The
 * bodies are functions placed after the program ({@link #functions}); with a small probability a count, mask, offset,
 * null test or return value is wrong, so that many programs are refused.
 */
final class CallbackSnippets {
    /** A function the snippets call or pass by address, by the name their instructions refer to it with. */
    record Function(String name, List<Insn> body) {}

    static final String NEW = "bpf_iter_num_new", NEXT = "bpf_iter_num_next", DESTROY = "bpf_iter_num_destroy";
    /** Stack layout of every frame: a byte buffer at fp-64..-33 for offsets, the loop context, a sum, iterators. */
    private static final int BUFFER = -64, CONTEXT = -72, SUM = -88, ITERATOR = -104;
    private static final long[] COUNTS = { 0, 1, 2, 3, 4, 7, 16, 100, 5000 };
    private static final long[] STEPS = { 1, 8, 12, -1, 3 };
    private static final int[] MASKS = { 31, 15, 7, 0x3f };

    private final Random rnd;
    private final double bad;
    final List<Function> functions = new ArrayList<>();
    /** How many loops and functions the snippet being written sits in. */
    private int nesting;

    CallbackSnippets(Random rnd, double bad) {
        this.rnd = rnd;
        this.bad = bad;
    }

    /** Starts a new program: no functions yet. */
    void reset() { functions.clear(); nesting = 0; }

    private boolean oops() { return rnd.nextDouble() < bad; }

    private long pick(long[] values) { return values[rnd.nextInt(values.length)]; }

    private String add(String prefix, List<Insn> body) {
        String name = prefix + functions.size();
        functions.add(new Function(name, body));
        return name;
    }

    static Insn address(int reg, String function) { return ldImm64(reg, 0).withSrc(PSEUDO_FUNC).withReference(function); }

    static Insn callFunction(String function) { return new Insn(JMP | CALL, 0, PSEUDO_CALL, 0, 0, function, null); }

    private static int slots(List<Insn> insns) {
        int n = 0;
        for (Insn i : insns) n += i.slots();
        return n;
    }

    /** One of the shapes, nested no deeper than two loops or functions. */
    void any(List<Insn> out) {
        switch (rnd.nextInt(nesting < 2 ? 3 : 1)) {
            case 1: iteratorLoop(out); break;
            case 2: pointerCall(out); break;
            default: if (nesting < 2) loop(out); else counterStep(out, R10, CONTEXT);
        }
    }

    /** The value in {@code reg} offsets a byte store into the buffer: masked to fit, or (by mistake or not) as it is. */
    private void useAsOffset(List<Insn> out, int reg, int scratch) {
        if (rnd.nextInt(10) != 0 && !oops()) out.add(alu64Imm(AND, reg, MASKS[rnd.nextInt(MASKS.length)]));
        out.add(mov64Reg(scratch, R10));
        out.add(alu64Imm(ADD, scratch, BUFFER));
        out.add(alu64Reg(ADD, scratch, reg));
        out.add(storeImm(1, scratch, 0, 1));
    }

    /** Adds a step to the 8-byte counter at {@code base + off}, now and then only while it is below a limit. */
    private void counterStep(List<Insn> out, int base, int off) {
        out.add(load(8, R3, base, off));
        out.add(alu64Imm(ADD, R3, pick(STEPS)));
        if (rnd.nextBoolean()) out.add(jumpImm(JGT, R3, rnd.nextInt(40), 1));
        out.add(store(8, base, off, R3));
    }

    /** bpf_loop(count, body, &counter or null, 0), then the counter or r0 used as an offset. */
    void loop(List<Insn> out) {
        nesting++;
        boolean nullContext = rnd.nextInt(6) == 0;
        String body = add("loop", loopBody(nullContext));
        nesting--;
        if (rnd.nextInt(4) == 0) {
            out.add(call(7));
            if (!oops()) out.add(alu64Imm(AND, R0, rnd.nextBoolean() ? 15 : 255));
            out.add(store(8, R10, CONTEXT, R0));
        } else if (!oops()) out.add(storeImm(8, R10, CONTEXT, pick(new long[] { 0, 1, 8, 100 })));
        switch (rnd.nextInt(4)) {
            case 0: out.add(call(7)); out.add(mov64Reg(R1, R0)); if (!oops()) out.add(alu64Imm(AND, R1, rnd.nextBoolean() ? 7 : 63)); break;
            default: out.add(mov64Imm(R1, pick(COUNTS)));
        }
        out.add(address(R2, body));
        if (nullContext) out.add(mov64Imm(R3, 0));
        else { out.add(mov64Reg(R3, oops() ? R1 : R10)); out.add(alu64Imm(ADD, R3, CONTEXT)); }
        out.add(mov64Imm(R4, oops() ? 1 : 0));
        out.add(call(181));
        switch (rnd.nextInt(3)) {
            case 0: out.add(load(8, R1, R10, CONTEXT)); useAsOffset(out, R1, R2); break;
            case 1: useAsOffset(out, R0, R2); break;
            default:
        }
    }

    /** A bpf_loop body: r6 = the index, r7 = the context; one to three parts, then 0, 1 or the index's low bit. */
    private List<Insn> loopBody(boolean nullContext) {
        List<Insn> b = new ArrayList<>(List.of(mov64Reg(R6, R1), mov64Reg(R7, R2)));
        for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
            switch (rnd.nextInt(6)) {
                case 0: if (!nullContext || oops()) counterStep(b, R7, 0); break;
                case 1: b.add(mov64Reg(R3, R6)); useAsOffset(b, R3, R4); break;
                case 2: { // a lookup keyed by the index, written when found
                    b.add(store(4, R10, -4, R6));
                    b.add(mov64Reg(R2, R10));
                    b.add(alu64Imm(ADD, R2, -4));
                    b.add(ldMap(R1, rnd.nextBoolean() ? "a" : "h"));
                    b.add(call(1));
                    if (!oops()) b.add(jumpImm(JEQ, R0, 0, 1));
                    b.add(store(8, R0, oops() ? 16 : 8 * rnd.nextInt(2), R6));
                    break;
                }
                case 3: { // a diamond on the index decides what is added to the counter
                    if (nullContext && !oops()) break;
                    b.add(mov64Imm(R8, 0));
                    b.add(jumpImm(new int[] { JGT, JLT, JSET, JEQ }[rnd.nextInt(4)], R6, rnd.nextInt(6), 1));
                    b.add(mov64Imm(R8, 8));
                    b.add(load(8, R3, R7, 0));
                    b.add(alu64Reg(ADD, R3, R8));
                    b.add(store(8, R7, 0, R3));
                    break;
                }
                default: if (nesting < 2) { nesting++; anyNested(b); nesting--; }
            }
        }
        switch (rnd.nextInt(4)) {
            case 0: b.add(mov64Imm(R0, 1)); break;
            case 1: b.add(mov64Reg(R0, R6)); if (!oops()) b.add(alu64Imm(AND, R0, 1)); break;
            default: b.add(mov64Imm(R0, oops() ? 2 : 0));
        }
        b.add(exit());
        return b;
    }

    private void anyNested(List<Insn> out) {
        if (rnd.nextBoolean()) iteratorLoop(out); else loop(out);
    }

    /**
     * An iterator over [from, to) in its own slot: each number offsets the buffer, adds to a sum, ends the loop
     * early, or runs a nested loop; then the sum may offset the buffer.
     */
    void iteratorLoop(List<Insn> out) {
        int slot = ITERATOR - 8 * nesting;
        nesting++;
        out.add(storeImm(8, R10, SUM, 0));
        if (rnd.nextInt(5) == 0) {
            out.add(call(7));
            out.add(mov64Reg(R3, R0));
            if (!oops()) out.add(alu32Imm(AND, R3, 127));
        } else out.add(mov32Imm(R3, pick(new long[] { 0, 1, 3, 10, 100, 1000 })));
        out.add(mov64Reg(R1, R10));
        out.add(alu64Imm(ADD, R1, oops() ? slot + 4 : slot));
        out.add(mov32Imm(R2, rnd.nextInt(3)));
        out.add(callKernel(NEW));
        List<Insn> body = new ArrayList<>(List.of(load(4, R8, R0, 0)));
        switch (rnd.nextInt(5)) {
            case 0: useAsOffset(body, R8, R9); break;
            case 1: body.addAll(List.of(load(8, R9, R10, SUM), alu64Reg(ADD, R9, R8), store(8, R10, SUM, R9))); break;
            case 2: body.add(alu64Imm(ADD, R8, 0)); break;
            case 3: counterStep(body, R10, SUM); break;
            default: if (nesting < 2) anyNested(body); else counterStep(body, R10, SUM);
        }
        boolean early = rnd.nextInt(4) == 0;
        List<Insn> loop = new ArrayList<>(List.of(mov64Reg(R1, R10), alu64Imm(ADD, R1, slot), callKernel(NEXT)));
        boolean tested = !oops();
        int exitJump = loop.size();
        if (tested) loop.add(ja(0)); // the exit test, once the loop's length is known
        loop.addAll(body);
        if (early) loop.add(jumpImm(JEQ, R8, rnd.nextInt(5), 1));
        loop.add(ja(-(slots(loop) + 1)));
        if (tested) loop.set(exitJump, jumpImm(JEQ, R0, 0, slots(loop) - slots(loop.subList(0, exitJump + 1))));
        // the early exit lands on the destroy, past the back jump
        out.addAll(loop);
        if (!oops()) out.addAll(List.of(mov64Reg(R1, R10), alu64Imm(ADD, R1, slot), callKernel(DESTROY)));
        nesting--;
        if (rnd.nextBoolean()) { out.add(load(8, R1, R10, SUM)); useAsOffset(out, R1, R2); }
    }

    /**
     * A function given a pointer to the caller's stack (or to a map value found by a lookup) and a number: it writes
     * and reads through the pointer, at a fixed or a variable offset, hands it to a function of its own or to
     * bpf_loop as the context; the caller then uses what it wrote, or what it returned, as an offset.
     */
    void pointerCall(List<Insn> out) {
        boolean mapValue = rnd.nextInt(3) == 0;
        nesting++;
        String callee = add("ptr", pointerBody(16, !mapValue));
        nesting--;
        int skip = -1;
        if (mapValue) {
            out.add(storeImm(4, R10, -4, rnd.nextInt(5)));
            out.add(mov64Reg(R2, R10));
            out.add(alu64Imm(ADD, R2, -4));
            out.add(ldMap(R1, rnd.nextBoolean() ? "a" : "h"));
            out.add(call(1));
            if (!oops()) { skip = out.size(); out.add(ja(0)); } // the null test, once the call's length is known
            out.add(mov64Reg(R1, R0));
        } else {
            if (!oops()) { out.add(storeImm(8, R10, -16, rnd.nextInt(20))); out.add(storeImm(8, R10, -8, 0)); }
            out.add(mov64Reg(R1, R10));
            out.add(alu64Imm(ADD, R1, -16));
        }
        if (rnd.nextBoolean()) out.add(mov64Imm(R2, rnd.nextInt(40)));
        else { out.add(mov64Reg(R6, R1)); out.add(call(7)); out.add(mov64Reg(R2, R0)); out.add(mov64Reg(R1, R6)); }
        out.add(callFunction(callee));
        if (skip >= 0) out.set(skip, jumpImm(JEQ, R0, 0, slots(out.subList(skip + 1, out.size()))));
        switch (rnd.nextInt(3)) {
            case 0: if (!mapValue) { out.add(load(8, R1, R10, -16)); useAsOffset(out, R1, R2); } break;
            case 1: useAsOffset(out, R0, R2); break;
            default:
        }
    }

    /** r1 = a pointer to {@code size} bytes (on a stack when {@code stack}), r2 = a number; r6, r7 keep them across calls. */
    private List<Insn> pointerBody(int size, boolean stack) {
        List<Insn> b = new ArrayList<>(List.of(mov64Reg(R6, R1), mov64Reg(R7, R2), mov64Imm(R0, 0)));
        for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
            switch (rnd.nextInt(6)) {
                case 0: b.add(store(8, R6, oops() ? size : 8 * rnd.nextInt(size / 8), R7)); break;
                case 1: b.add(load(8, R0, R6, oops() ? -8 : 0)); break;
                case 2: {
                    b.add(mov64Reg(R3, R7));
                    if (!oops()) b.add(alu64Imm(AND, R3, size - 1));
                    b.add(mov64Reg(R4, R6));
                    b.add(alu64Reg(ADD, R4, R3));
                    b.add(storeImm(1, R4, 0, 7));
                    break;
                }
                case 3: counterStep(b, R6, 0); break;
                case 4: if (nesting < 2) { // pass the pointer on
                    nesting++;
                    String next = add("ptr", pointerBody(size, stack));
                    nesting--;
                    b.addAll(List.of(mov64Reg(R1, R6), mov64Reg(R2, R7), callFunction(next)));
                } break;
                default: if (nesting < 2 && (stack || oops())) { // the pointer is a bpf_loop's context
                    nesting++;
                    String body = add("loop", loopBody(false));
                    nesting--;
                    b.addAll(List.of(mov64Imm(R1, pick(COUNTS)), address(R2, body), mov64Reg(R3, R6), mov64Imm(R4, 0), call(181)));
                }
            }
        }
        if (rnd.nextBoolean()) b.add(mov64Reg(R0, R7));
        b.add(exit());
        return b;
    }
}
