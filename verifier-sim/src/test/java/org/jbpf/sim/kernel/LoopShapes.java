package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;

/**
 * Loop shapes whose verification cost depends on how states are pruned: single, sequential and nested counted
 * loops, loops after loops, loops with a diamond, a spilled counter, a map lookup or scratch registers left with
 * different types on different iterations. Each returns 0 or 1 from a branch on a random number so that no sum is
 * needed exactly at the end. Written with labels ({@link Asm}) so the shapes stay readable.
 */
final class LoopShapes {
    private LoopShapes() {}

    /** Every shape, by name (xdp programs; the ones with a map lookup use {@link Corpus#ARRAY}). */
    static Map<String, List<Insn>> all() {
        Map<String, List<Insn>> m = new LinkedHashMap<>();
        m.put("loop_20", loop(20));
        m.put("loop_then_loop_10_10", loopThenLoop(10, 10));
        m.put("nested_8x8", nested(8, 8));
        m.put("loop_then_nested_10_then_6x6", loopThenNested(10, 6, 6));
        m.put("loop_then_nested_20_then_10x10", loopThenNested(20, 10, 10));
        m.put("nested_then_nested_5x5_5x5", nestedThenNested(5, 5));
        m.put("nested3_4x4x4", nested3(4, 4, 4));
        m.put("loop_spilled_counter_30", spilledCounter(30));
        m.put("loop_scratch_pointer_then_loop_10_10", scratchPointerThenLoop(10, 10));
        m.put("loop_map_lookup_then_nested_8_then_5x5", mapLookupThenNested(8, 5, 5));
        m.put("loop_scratch_slot_then_loop_10_10", scratchSlotThenLoop(10, 10));
        m.put("nested_calling_3x8_then_nested_helper_4x7", nestedCallingThenNestedHelper(3, 8, 4, 7));
        for (boolean wide : new boolean[] {false, true})
            for (boolean down : new boolean[] {true, false})
                for (boolean doWhile : new boolean[] {true, false})
                    m.put((doWhile ? "do_while_" : "while_") + (down ? "down_" : "up_") + (wide ? "64" : "32"),
                            randomStartCounter(wide, down, doWhile));
        m.put("do_while_down_through_a_copy", countDownThroughCopy());
        return m;
    }

    /**
     * {@code do { s += k; k--; } while (k > 0)} from a random k in [0,7] as LLVM compiles it: the test reads a copy
     * taken before the decrement ({@code r5 = r2; r2 += -1; ...; if r5 > 1}), so only the link between the copy and
     * the counter (the kernel's scalar ids with a constant delta) carries the bound back to the counter.
     */
    static List<Insn> countDownThroughCopy() {
        Asm a = start();
        a.add(call(7), alu64Imm(AND, R0, 7), mov64Reg(R2, R0));
        a.label("body");
        a.add(mov64Reg(R5, R2), alu64Imm(ADD, R2, -1), alu64Reg(ADD, R8, R5));
        a.jump(jumpImm(JGT, R5, 1, 0), "body");
        return end(a);
    }

    /** A diamond on a random bit adding 1 or 3 to r8 (the sum), using r0 and r1. */
    private static void diamond(Asm a, String name) {
        a.add(call(7), alu64Imm(AND, R0, 1));
        a.jump(jumpImm(JEQ, R0, 0, 0), name + "_odd");
        a.add(alu64Imm(ADD, R8, 1));
        a.jump(ja(0), name + "_join");
        a.label(name + "_odd");
        a.add(alu64Imm(ADD, R8, 3));
        a.label(name + "_join");
    }

    /** for (counter = 0; counter < n; counter++) { body } */
    private static void counted(Asm a, String name, int counter, int n, Runnable body) {
        a.add(mov64Imm(counter, 0));
        a.label(name);
        body.run();
        a.add(alu64Imm(ADD, counter, 1));
        a.jump(jumpImm(JLT, counter, n, 0), name);
    }

    /** r0 = random + sum; returns 1 when it is above 1000, else 0: the sum is never needed exactly. */
    private static List<Insn> end(Asm a) {
        finish(a);
        return a.insns();
    }

    private static void finish(Asm a) {
        a.add(call(7), alu64Reg(ADD, R0, R8));
        a.jump(jumpImm(JGT, R0, 1000, 0), "one");
        a.add(mov64Imm(R0, 0), exit());
        a.label("one");
        a.add(mov64Imm(R0, 1), exit());
    }

    private static Asm start() { Asm a = new Asm(); a.add(mov64Imm(R8, 0)); return a; }

    static List<Insn> loop(int n) {
        Asm a = start();
        counted(a, "l", R6, n, () -> diamond(a, "d"));
        return end(a);
    }

    static List<Insn> loopThenLoop(int n, int m) {
        Asm a = start();
        counted(a, "l1", R6, n, () -> diamond(a, "d1"));
        counted(a, "l2", R7, m, () -> diamond(a, "d2"));
        return end(a);
    }

    static List<Insn> nested(int outer, int inner) {
        Asm a = start();
        counted(a, "o", R6, outer, () -> counted(a, "i", R7, inner, () -> diamond(a, "d")));
        return end(a);
    }

    static List<Insn> loopThenNested(int first, int outer, int inner) {
        Asm a = start();
        counted(a, "l", R9, first, () -> diamond(a, "d1"));
        counted(a, "o", R6, outer, () -> counted(a, "i", R7, inner, () -> diamond(a, "d2")));
        return end(a);
    }

    static List<Insn> nestedThenNested(int outer, int inner) {
        Asm a = start();
        counted(a, "o1", R6, outer, () -> counted(a, "i1", R7, inner, () -> diamond(a, "d1")));
        counted(a, "o2", R6, outer, () -> counted(a, "i2", R7, inner, () -> diamond(a, "d2")));
        return end(a);
    }

    static List<Insn> nested3(int x, int y, int z) {
        Asm a = start();
        counted(a, "x", R6, x, () -> counted(a, "y", R7, y, () -> counted(a, "z", R9, z, () -> diamond(a, "d"))));
        return end(a);
    }

    /**
     * A counter started at a random number in [0,7] that counts down to 0 ({@code k > 0}) or up to 8 ({@code k < 8})
     * with signed compares, tested after the body (do/while) or before it (while), in 32-bit ({@code w6 += -1}) or
     * 64-bit arithmetic. The 32-bit count down from 0 wraps the low half to -1, which only a signed 32-bit range of
     * the low half follows to the loop's end, as the kernel's does.
     */
    static List<Insn> randomStartCounter(boolean wide, boolean down, boolean doWhile) {
        Asm a = start();
        a.add(call(7), alu64Imm(AND, R0, 7), mov64Reg(R6, R0));
        Insn step = wide ? alu64Imm(ADD, R6, down ? -1 : 1) : alu32Imm(ADD, R6, down ? -1 : 1);
        int op = down ? JSGT : JSLT, bound = down ? 0 : 8;
        Insn again = wide ? jumpImm(op, R6, bound, 0) : jump32Imm(op, R6, bound, 0);
        if (!doWhile) {
            a.jump(wide ? jumpImm(inverseJump(op), R6, bound, 0) : jump32Imm(inverseJump(op), R6, bound, 0), "done");
        }
        a.label("body");
        diamond(a, "d");
        a.add(step);
        a.jump(again, "body");
        a.label("done");
        return end(a);
    }

    /** The counter lives in a stack slot, loaded and stored back each iteration, as unoptimised code keeps it. */
    static List<Insn> spilledCounter(int n) {
        Asm a = start();
        a.add(storeImm(8, R10, -8, 0));
        a.label("l");
        diamond(a, "d");
        a.add(load(8, R6, R10, -8), alu64Imm(ADD, R6, 1), store(8, R10, -8, R6));
        a.jump(jumpImm(JLT, R6, n, 0), "l");
        return end(a);
    }

    /**
     * The first loop leaves r9 a stack pointer on odd iterations and a number on even ones; r9 is never read after
     * it, so states that differ only there are the same to a verifier that knows which registers are still live.
     */
    static List<Insn> scratchPointerThenLoop(int n, int m) {
        Asm a = start();
        counted(a, "l1", R6, n, () -> {
            a.add(call(7), alu64Imm(AND, R0, 1), mov64Reg(R9, R10));
            a.jump(jumpImm(JEQ, R0, 0, 0), "keep");
            a.add(mov64Imm(R9, 5), alu64Imm(ADD, R8, 1));
            a.label("keep");
        });
        counted(a, "l2", R7, m, () -> diamond(a, "d2"));
        return end(a);
    }

    /** As {@link #scratchPointerThenLoop}, with the pointer or number spilled to a stack slot nothing reads again. */
    static List<Insn> scratchSlotThenLoop(int n, int m) {
        Asm a = start();
        counted(a, "l1", R6, n, () -> {
            a.add(call(7), alu64Imm(AND, R0, 1), store(8, R10, -16, R10));
            a.jump(jumpImm(JEQ, R0, 0, 0), "keep");
            a.add(storeImm(8, R10, -16, 5), alu64Imm(ADD, R8, 1));
            a.label("keep");
        });
        counted(a, "l2", R7, m, () -> diamond(a, "d2"));
        return end(a);
    }

    /**
     * Nested loops whose body calls a BPF function (which writes its own stack), then nested loops whose body has a
     * helper fill a stack buffer: the shape random agreement seed 31130002 found (program 748).
     */
    static List<Insn> nestedCallingThenNestedHelper(int o1, int i1, int o2, int i2) {
        Asm a = start();
        counted(a, "o1", R9, o1, () -> counted(a, "i1", R7, i1, () -> {
            diamond(a, "d1");
            a.add(mov64Reg(R1, R0), mov64Imm(R2, Integer.MAX_VALUE));
            a.jump(callLocal("f", 0), "f");
        }));
        counted(a, "o2", R6, o2, () -> counted(a, "i2", R9, i2, () -> {
            diamond(a, "d2");
            a.add(mov64Reg(R1, R10), alu64Imm(ADD, R1, -40), mov64Imm(R2, 16), call(16));
        }));
        finish(a);
        // f(x, y): r0 = x + 1, with a word written to its own stack
        a.label("f");
        a.add(mov64Reg(R0, R1), storeImm(8, R10, -56, 1), alu64Imm(ADD, R0, 1), exit());
        return a.insns();
    }

    /** A loop reading a map value (a nullable pointer tested each time), then nested loops with a diamond. */
    static List<Insn> mapLookupThenNested(int first, int outer, int inner) {
        Asm a = start();
        a.add(storeImm(4, R10, -4, 0));
        counted(a, "l", R9, first, () -> {
            a.add(mov64Reg(R2, R10), alu64Imm(ADD, R2, -4), ldMap(R1, "table"), call(1));
            a.jump(jumpImm(JEQ, R0, 0, 0), "none");
            a.add(load(1, R1, R0, 3), alu64Reg(ADD, R8, R1));
            a.label("none");
        });
        counted(a, "o", R6, outer, () -> counted(a, "i", R7, inner, () -> diamond(a, "d")));
        return end(a);
    }

    /** Instructions with jumps to named labels, resolved when the program is taken. */
    static final class Asm {
        private final List<Insn> insns = new ArrayList<>();
        private final Map<String, Integer> labels = new HashMap<>();
        private final Map<Integer, String> fixups = new LinkedHashMap<>();

        void add(Insn... in) { insns.addAll(List.of(in)); }

        void label(String name) {
            if (labels.put(name, slot(insns.size())) != null) throw new IllegalArgumentException("label twice: " + name);
        }

        void jump(Insn in, String target) {
            fixups.put(insns.size(), target);
            insns.add(in);
        }

        private int slot(int index) {
            int s = 0;
            for (int i = 0; i < index; i++) s += insns.get(i).slots();
            return s;
        }

        List<Insn> insns() {
            List<Insn> out = new ArrayList<>(insns);
            fixups.forEach((i, target) -> {
                Integer to = labels.get(target);
                if (to == null) throw new IllegalArgumentException("no label " + target);
                Insn j = out.get(i);
                int delta = to - slot(i) - 1;
                out.set(i, j.isCall() ? new Insn(j.opcode(), j.dst(), j.src(), 0, delta) : new Insn(j.opcode(), j.dst(), j.src(), delta, j.imm()));
            });
            return out;
        }
    }
}
