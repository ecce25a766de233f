package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jbpf.core.asm.AluSemantics;
import org.jbpf.translator.mir.Mir;
import org.junit.jupiter.api.Test;

/**
 * Jump threading on small MIR programs: where an edge's facts decide a later test and the edge goes past it, where
 * they must not (a register redefined, a join of different facts, a 32-bit fact against a 64-bit test, unsigned
 * against signed), and random programs run before and after the pass on the same inputs.
 */
class JumpThreadingTest {
    private static final int MARK = 1000;   // helper numbers of the marker calls that trace a run's path

    /** Runs MIR of moves, adds, loads from r1, marker calls and jumps; returns the markers met and r0 at exit. */
    static List<Long> run(List<Mir.MInsn> code, long... input) {
        Map<Mir.Label, Integer> at = new HashMap<>();
        for (int p = 0; p < code.size(); p++) if (code.get(p).isLabel()) at.put(code.get(p).label, p);
        Map<Integer, Long> reg = new HashMap<>();
        List<Long> trace = new ArrayList<>();
        for (int p = 0, steps = 0; steps < 10_000; steps++) {
            Mir.MInsn m = code.get(p++);
            if (m.isLabel()) continue;
            int cls = cls(m.opcode);
            long dst = reg.getOrDefault(m.dst, 0L), src = source(m.opcode) == X || cls(m.opcode) == STX ? reg.getOrDefault(m.src, 0L)
                    : AluSemantics.immOperand(m.imm);
            if (cls == ALU || cls == ALU64) {
                reg.put(m.dst, AluSemantics.eval(m.opcode, m.off, m.imm, dst, src));
            } else if (cls == LDX) {
                reg.put(m.dst, input[m.off / 8]);
            } else if (cls == STX && mode(m.opcode) == ATOMIC) {
                trace.add(dst * 1000 + src);   // an add at an address, traced as both
            } else if (m.isExit()) {
                trace.add(reg.getOrDefault(R0, 0L));
                return trace;
            } else if (m.isCall()) {
                trace.add(m.imm);
                reg.put(R0, m.imm * 7);
            } else if (m.isUnconditionalJump()) {
                p = at.get(m.target);
            } else if (m.isJump()) {
                if (AluSemantics.jumpTaken(m.opcode, dst, src)) p = at.get(m.target);
            } else {
                throw new IllegalStateException("not run here: " + m);
            }
        }
        throw new IllegalStateException("no exit after 10000 steps");
    }

    private static Mir.MInsn jump(MirPassesTest.B b, int opcode, int reg, long imm, Mir.Label to) {
        Mir.MInsn m = b.add(opcode, reg, 0, 0, imm);
        m.target = to;
        return m;
    }

    private static void mark(MirPassesTest.B b, int n) { b.call(MARK + n, 0); }

    /** How many conditional jumps test {@code reg} against {@code imm}. */
    private static long tests(MirPassesTest.B b, int reg, long imm) {
        return b.mir.code.stream().filter(m -> m.isJump() && !m.isUnconditionalJump() && m.dst == reg && m.imm == imm).count();
    }

    private static long calls(MirPassesTest.B b, long helper) {
        return b.mir.code.stream().filter(m -> m.isCall() && m.imm == helper).count();
    }

    /** The first instruction from position p on, past labels and gotos. */
    private static Mir.MInsn reached(MirPassesTest.B b, int p) {
        List<Mir.MInsn> code = b.mir.code;
        while (code.get(p).isLabel() || code.get(p).isUnconditionalJump())
            p = code.get(p).isLabel() ? p + 1 : MirQueries.labelPosition(code, code.get(p).target);
        return code.get(p);
    }

    /** The jump of {@code opcode} on {@code reg}: where it goes after the pass. */
    private static Mir.Label targetOf(MirPassesTest.B b, int opcode, int reg) {
        return b.mir.code.stream().filter(m -> m.isJump() && m.opcode == opcode && m.dst == reg).findFirst().orElseThrow().target;
    }

    private static final long[] VALUES = {-17, -7, -1, 0, 1, 5, 11, 0x1_0000_0005L, 0xffff_ffffL, Long.MIN_VALUE, Long.MAX_VALUE};

    /** Runs the program on every pair of VALUES, threads it, and checks every run again. */
    private static void threadKeepingResults(MirPassesTest.B b) {
        Map<List<Long>, List<Long>> before = new HashMap<>();
        for (long x : VALUES) for (long y : VALUES) before.put(List.of(x, y), run(b.mir.code, x, y));
        new JumpThreading().run(b.mir);
        for (Map.Entry<List<Long>, List<Long>> e : before.entrySet())
            assertEquals(e.getValue(), run(b.mir.code, e.getKey().get(0), e.getKey().get(1)), "inputs " + e.getKey() + "\n" + b.text());
    }

    @Test
    void aDropCountsPathLeavesPastTheRetryTestItsStatusDecides() {
        // s = status; if (s == -7) { count; } if (s == -17) { retry; } return 0: the count's path skips the second test
        MirPassesTest.B b = new MirPassesTest.B();
        int s = b.v(), zero = b.v();
        Mir.Label notFull = b.newLabel(), out = b.newLabel();
        b.load(s, R1, 0);
        jump(b, JMP | JNE | K, s, -7, notFull);
        mark(b, 1);
        b.jump(notFull);
        b.label(notFull);
        jump(b, JMP | JNE | K, s, -17, out);
        mark(b, 2);
        b.label(out);
        b.movImm(zero, 0).exit(zero);
        Mir.MInsn countsGoto = b.mir.code.get(3);
        threadKeepingResults(b);
        assertEquals(out, countsGoto.target, b.text().toString());
        assertEquals(1, tests(b, s, -17), "the test stays for the path that did not fix s");
    }

    @Test
    void nothingIsThreadedInAProgramWithALoop() {
        // the shape above as a loop's body: a threaded edge would skip the join where the kernel prunes each turn's states
        MirPassesTest.B b = new MirPassesTest.B();
        int s = b.v(), zero = b.v();
        Mir.Label head = b.newLabel(), notFull = b.newLabel(), out = b.newLabel();
        b.label(head);
        b.load(s, R1, 0);
        jump(b, JMP | JNE | K, s, -7, notFull);
        mark(b, 1);
        b.jump(notFull);
        b.label(notFull);
        jump(b, JMP | JNE | K, s, -17, out);
        mark(b, 2);
        jump(b, JMP | JEQ | K, s, 5, head);
        b.label(out);
        b.movImm(zero, 0).exit(zero);
        String before = b.text().toString();
        new JumpThreading().run(b.mir);
        assertEquals(before, b.text().toString());
    }

    @Test
    void aFallThroughEdgeIsThreadedWhereItsTailEndsLikeTheOneAtItsDestination() {
        // the drop count's shape: if (s == -7) add 1 at d; if (s == -17) add 1 at c: the count falls into the second test
        MirPassesTest.B b = new MirPassesTest.B();
        int s = b.v(), d = b.v(), c = b.v(), one1 = b.v(), one2 = b.v(), zero = b.v();
        Mir.Label notFull = b.newLabel(), out = b.newLabel();
        b.load(s, R1, 0).load(d, R1, 8);
        jump(b, JMP | JNE | K, s, -7, notFull);
        b.movImm(one1, 1).add(STX | ATOMIC | DW, d, one1, 0, ADD);
        b.label(notFull);
        jump(b, JMP | JNE | K, s, -17, out);
        b.load(c, R1, 8).movImm(one2, 1).add(STX | ATOMIC | DW, c, one2, 0, ADD);
        b.label(out);
        b.movImm(zero, 0).exit(zero);
        Mir.MInsn countsAdd = b.mir.code.get(4);
        threadKeepingResults(b);
        Mir.MInsn next = b.mir.code.get(b.mir.code.indexOf(countsAdd) + 1);
        assertTrue(next.isUnconditionalJump() && next.target == out, b.text().toString());
        new TailMerging().run(b.mir);
        assertEquals(1, b.mir.code.stream().filter(m -> m.opcode == (STX | ATOMIC | DW)).count(), b.text().toString());
    }

    @Test
    void aFallThroughEdgeWhoseTailIsLikeNoOtherKeepsItsTest() {
        // as above, but the count adds 2: a goto would only add an instruction
        MirPassesTest.B b = new MirPassesTest.B();
        int s = b.v(), d = b.v(), c = b.v(), two = b.v(), one = b.v(), zero = b.v();
        Mir.Label notFull = b.newLabel(), out = b.newLabel();
        b.load(s, R1, 0).load(d, R1, 8);
        jump(b, JMP | JNE | K, s, -7, notFull);
        b.movImm(two, 2).add(STX | ATOMIC | DW, d, two, 0, ADD);
        b.label(notFull);
        jump(b, JMP | JNE | K, s, -17, out);
        b.load(c, R1, 8).movImm(one, 1).add(STX | ATOMIC | DW, c, one, 0, ADD);
        b.label(out);
        b.movImm(zero, 0).exit(zero);
        List<String> text = b.text();
        threadKeepingResults(b);
        assertEquals(text, b.text());
    }

    @Test
    void aRegisterRedefinedOnTheWayKeepsTheTest() {
        MirPassesTest.B b = new MirPassesTest.B();
        int s = b.v(), t = b.v();
        Mir.Label fixed = b.newLabel(), join = b.newLabel(), out = b.newLabel();
        b.load(s, R1, 0).load(t, R1, 8);
        jump(b, JMP | JEQ | K, s, -7, fixed);
        b.exit(s);
        b.label(fixed);
        b.mov(s, t);   // s is -7 no more
        b.jump(join);
        b.label(join);
        jump(b, JMP | JNE | K, s, -7, out);
        mark(b, 1);
        b.label(out);
        b.exit(s);
        List<String> text = b.text();
        threadKeepingResults(b);
        assertEquals(text, b.text(), "nothing decided");
    }

    @Test
    void aJoinOfDifferentFactsDecidesNothingButEachEdgeDecidesItsOwn() {
        // if (v == 1) goto m; if (v == 2) goto m; return; m: mark; if (v == 1) ...: m knows 1..2 only
        MirPassesTest.B b = new MirPassesTest.B();
        int v = b.v();
        Mir.Label m = b.newLabel(), direct = b.newLabel(), one = b.newLabel(), out = b.newLabel();
        b.load(v, R1, 0);
        jump(b, JMP | JEQ | K, v, 1, m);
        jump(b, JMP | JEQ | K, v, 2, m);
        jump(b, JMP | JEQ | K, v, 3, direct);
        b.exit(v);
        b.label(m);
        mark(b, 1);
        b.label(direct);
        jump(b, JMP | JEQ | K, v, 1, one);
        mark(b, 2);
        b.jump(out);
        b.label(one);
        mark(b, 3);
        b.label(out);
        b.exit(v);
        threadKeepingResults(b);
        assertEquals(2, tests(b, v, 1), "the test after the join of 1 and 2 stays:\n" + b.text());
        // the edge with v == 3 skips it: its jump now goes where the test sends 3
        assertTrue(b.mir.code.stream().noneMatch(x -> x.target == direct), b.text().toString());
    }

    @Test
    void aLowHalfFactDecidesNoWholeTestAndAWholeFactNoLowHalfTest() {
        MirPassesTest.B b = new MirPassesTest.B();
        int v = b.v(), w = b.v();
        Mir.Label a = b.newLabel(), c = b.newLabel(), out = b.newLabel();
        b.load(v, R1, 0).load(w, R1, 8);
        jump(b, JMP32 | JNE | K, v, 5, a);
        mark(b, 1);    // low half 5: v may still be 2^32 + 5
        b.jump(a);
        b.label(a);
        jump(b, JMP | JEQ | K, v, 5, out);
        jump(b, JMP | JNE | K, w, 5, c);
        b.jump(c);
        b.label(c);
        jump(b, JMP32 | JEQ | K, w, 5, out);    // w != 5 in 64 bits says nothing of its low half
        mark(b, 2);
        b.label(out);
        b.exit(v);
        Mir.MInsn markOne = b.mir.code.get(3), wideNotFive = b.mir.code.get(7);
        threadKeepingResults(b);
        // low half 5 (mark 1's path): v may be 2^32 + 5, the 64-bit test stays on its way
        assertEquals(JMP | JEQ | K, reached(b, b.mir.code.indexOf(markOne) + 1).opcode, b.text().toString());
        // all of w not 5: its low half may be, the 32-bit test stays on its way
        assertEquals(JMP32 | JEQ | K, reached(b, MirQueries.labelPosition(b.mir.code, wideNotFive.target)).opcode, b.text().toString());
    }

    @Test
    void unsignedAndSignedOrdersDecideEachOtherOnlyForNonNegativeValues() {
        MirPassesTest.B b = new MirPassesTest.B();
        int v = b.v(), w = b.v();
        Mir.Label big = b.newLabel(), pos = b.newLabel(), out = b.newLabel(), done = b.newLabel();
        b.load(v, R1, 0).load(w, R1, 8);
        jump(b, JMP | JGT | K, v, 10, big);    // unsigned: v may be negative
        b.jump(out);
        b.label(big);
        jump(b, JMP | JSGT | K, v, 5, out);    // not decided
        mark(b, 1);
        b.label(out);
        jump(b, JMP | JSGT | K, w, 10, pos);   // signed 11.. : unsigned the same
        b.jump(done);
        b.label(pos);
        jump(b, JMP | JGT | K, w, 5, done);    // decided: always
        mark(b, 2);
        b.label(done);
        b.exit(v);
        threadKeepingResults(b);
        assertEquals(1, tests(b, v, 5), "the signed test after an unsigned one stays:\n" + b.text());
        // the signed fact decides the unsigned test: mark 2 is never reached, and then w's test goes too
        assertEquals(0, calls(b, MARK + 2), b.text().toString());
        assertEquals(0, tests(b, w, 10), b.text().toString());
    }

    @Test
    void aPointerTestedNonNullSkipsItsSecondTest() {
        // p = reserve(); if (p == null) count the drop; if (p == null) return; use p
        MirPassesTest.B b = new MirPassesTest.B();
        int p = b.v();
        Mir.Label got = b.newLabel(), use = b.newLabel();
        b.load(p, R1, 0);
        jump(b, JMP | JNE | K, p, 0, got);
        mark(b, 1);
        b.label(got);
        jump(b, JMP | JNE | K, p, 0, use);
        b.exit(p);
        b.label(use);
        mark(b, 2);
        b.exit(p);
        threadKeepingResults(b);
        assertEquals(use, targetOf(b, JMP | JNE | K, p), b.text().toString());
    }

    /** Random forward-jumping programs over two inputs: each runs as before on every pair of interesting values. */
    @Test
    void randomProgramsKeepTheirResults() {
        Random random = new Random(19);
        long[] constants = {-17, -7, 0, 1, 5, 11};
        int[] ops = {JEQ, JNE, JGT, JGE, JLT, JLE, JSGT, JSGE, JSLT, JSLE, JSET};
        int threaded = 0;
        for (int program = 0; program < 300; program++) {
            MirPassesTest.B b = new MirPassesTest.B();
            int[] v = {b.v(), b.v()};
            int blocks = 4 + random.nextInt(8);
            Mir.Label[] label = new Mir.Label[blocks + 1];
            for (int i = 0; i <= blocks; i++) label[i] = b.newLabel();
            b.load(v[0], R1, 0).load(v[1], R1, 8);
            for (int i = 0; i < blocks; i++) {
                b.label(label[i]);
                int r = v[random.nextInt(2)];
                switch (random.nextInt(6)) {
                    case 0 -> b.movImm(r, constants[random.nextInt(constants.length)]);
                    case 1 -> b.addImm(r, constants[random.nextInt(constants.length)]);
                    case 2 -> mark(b, i);
                    default -> { }
                }
                Mir.Label to = label[i + 1 + random.nextInt(blocks - i)];
                int kind = random.nextInt(4);
                if (kind == 0) b.jump(to);
                else if (kind == 1) b.add(JMP | JA, 0, 0, 0, 0).target = label[i + 1];
                else jump(b, (random.nextBoolean() ? JMP : JMP32) | ops[random.nextInt(ops.length)] | K, r,
                        constants[random.nextInt(constants.length)], to);
            }
            b.label(label[blocks]);
            b.addReg(v[0], v[1]).exit(v[0]);
            List<String> text = b.text();
            threadKeepingResults(b);
            if (!text.equals(b.text())) threaded++;
        }
        assertTrue(threaded > 30, "the pass changed only " + threaded + " of 300 programs");
    }
}
