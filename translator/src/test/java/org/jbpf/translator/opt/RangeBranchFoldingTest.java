package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jbpf.translator.mir.Mir;
import org.junit.jupiter.api.Test;

/** The value-range pass on small MIR programs: which conditional jumps it decides, and which it must leave. */
class RangeBranchFoldingTest {

    private static long conditionalJumps(MirPassesTest.B b) {
        return b.mir.code.stream().filter(m -> m.isJump() && !m.isUnconditionalJump()).count();
    }

    private static Mir.MInsn jump(MirPassesTest.B b, int opcode, int reg, long imm, Mir.Label to) {
        Mir.MInsn m = b.add(opcode, reg, 0, 0, imm);
        m.target = to;
        return m;
    }

    @Test
    void indexCheckAfterAClampIsDropped() {
        // i = a byte; i = min(i, 31) as javac's compare and move; then the array check "i >= 32"
        MirPassesTest.B b = new MirPassesTest.B();
        int i = b.v(), r = b.v();
        Mir.Label keep = b.newLabel(), out = b.newLabel();
        b.add(LDX | MEM | B, i, R1, 0, 0);
        jump(b, JMP32 | JSLE | K, i, 31, keep);
        b.add(ALU | MOV | K, i, 0, 0, 31);
        b.label(keep);
        b.add(ALU | MOV | X, i, i, 0, 0);
        b.movImm(r, 0);
        jump(b, JMP32 | JGE | K, i, 32, out);
        b.mov(r, i);
        b.label(out);
        b.exit(r);
        new RangeBranchFolding().run(b.mir);
        assertEquals(1, conditionalJumps(b), b.text().toString());   // the clamp's own compare stays
        assertEquals(0, b.mir.code.stream().filter(m -> m.opcode == (ALU | MOV | X)).count(), "the zero-extension became a copy");
    }

    /**
     * i | i with i = 0 on the loop's first round once gave the empty range 0..-1 (a shift by 64 is a shift by 0): both
     * ways out of the next compare looked impossible, the loop lost its exit and the program its result (random probes
     * with state, seed 22 program 31, {@code h0(b, i1, ..)} computing {@code (long) (q | q)} in a loop).
     */
    @Test
    void anOrOfZerosIsZeroAndTheLoopKeepsItsExit() {
        assertEquals(Interval.of(0), Interval.of(0).orXor(Interval.of(0), true));
        assertEquals(Interval.of(0), Interval.of(0).orXor(Interval.of(0), false));
        MirPassesTest.B b = new MirPassesTest.B();
        int i = b.v(), t = b.v(), r = b.v();
        Mir.Label head = b.newLabel(), skip = b.newLabel(), out = b.newLabel();
        b.movImm(r, 0);
        b.add(ALU | MOV | K, i, 0, 0, 0);
        b.label(head);
        jump(b, JMP32 | JSGE | K, i, 4, out);
        b.mov(t, i);
        b.add(ALU | OR | X, t, i, 0, 0);
        jump(b, JMP | JSGT | K, t, 428, skip);
        b.addImm(r, 1);
        b.label(skip);
        b.add(ALU | ADD | K, i, 0, 0, 1);
        b.add(JMP | JA, 0, 0, 0, 0).target = head;
        b.label(out);
        b.exit(r);
        new RangeBranchFolding().run(b.mir);
        assertEquals(1, b.mir.code.stream().filter(m -> m.opcode == (JMP32 | JSGE | K)).count(), b.text().toString());
        assertEquals(1, b.mir.code.stream().filter(Mir.MInsn::isExit).count(), "the exit is still reached");
    }

    @Test
    void theZeroExtensionOfAResultTheVerifierForgetsStays() {
        // i = x s% 18 and j = y << z in 32 bits: the kernel forgets all 64 bits of both, so the 32-bit moves before
        // the index checks are what tell it the upper halves are zero
        MirPassesTest.B b = new MirPassesTest.B();
        int x = b.v(), i = b.v(), y = b.v(), z = b.v(), j = b.v(), r = b.v();
        Mir.Label out = b.newLabel();
        b.load(x, R1, 0);
        b.add(ALU | MOD | K, x, 0, 1, 18);
        b.add(ALU | MOV | X, i, x, 0, 0);
        b.load(y, R1, 8);
        b.load(z, R1, 16);
        b.add(ALU | LSH | X, y, z, 0, 0);
        b.add(ALU | MOV | X, j, y, 0, 0);
        b.movImm(r, 0);
        jump(b, JMP32 | JGE | K, i, 16, out);
        jump(b, JMP32 | JGE | K, j, 16, out);
        b.mov(r, i);
        b.add(ALU64 | ADD | X, r, j, 0, 0);
        b.label(out);
        b.exit(r);
        new RangeBranchFolding().run(b.mir);
        assertEquals(2, b.mir.code.stream().filter(m -> !m.isLabel() && m.opcode == (ALU | MOV | X)).count(), b.text().toString());
    }

    @Test
    void comparesOfMaskedValuesAreDecidedBothWays() {
        MirPassesTest.B b = new MirPassesTest.B();
        int x = b.v(), r = b.v();
        Mir.Label never = b.newLabel(), always = b.newLabel(), maybe = b.newLabel(), end = b.newLabel();
        b.load(x, R1, 0);
        b.add(ALU64 | AND | K, x, 0, 0, 0xff);
        b.movImm(r, 0);
        jump(b, JMP | JGT | K, x, 255, never);     // never taken: removed
        jump(b, JMP | JSLE | K, x, 255, always);   // always taken: a goto
        b.movImm(r, 1);
        b.label(always);
        jump(b, JMP | JEQ | K, x, 7, maybe);       // either way: kept
        b.jump(end);
        b.label(never);
        b.movImm(r, 2);
        b.label(maybe);
        b.addImm(r, 3);
        b.label(end);
        b.exit(r);
        new RangeBranchFolding().run(b.mir);
        assertEquals(1, conditionalJumps(b), b.text().toString());
        assertEquals(0, b.mir.code.stream().filter(m -> !m.isLabel() && m.opcode == (ALU64 | MOV | K) && m.imm == 1).count(),
                "the block the always-taken jump skips is gone");
    }

    @Test
    void thirtyTwoBitComparesOfWideValuesStay() {
        // 2^32 + 5: its low half equals 5 though the whole value does not, and a 32-bit add may wrap
        MirPassesTest.B b = new MirPassesTest.B();
        int x = b.v(), y = b.v();
        Mir.Label l1 = b.newLabel(), l2 = b.newLabel(), l3 = b.newLabel();
        b.add(LD | IMM | DW, x, 0, 0, (1L << 32) + 5);
        jump(b, JMP32 | JEQ | K, x, 5, l1);   // low half: unknown to the pass, kept
        b.label(l1);
        jump(b, JMP | JEQ | K, x, 5, l2);     // whole value: never, removed
        b.label(l2);
        b.load(y, R1, 0);
        b.add(ALU | AND | K, y, 0, 0, 0x7fffffff);
        b.add(ALU | ADD | K, y, 0, 0, 1);
        jump(b, JMP32 | JSLT | K, y, 0, l3);  // 0x7fffffff + 1 is negative as an int: kept
        b.label(l3);
        b.exit(y);
        new RangeBranchFolding().run(b.mir);
        assertEquals(2, conditionalJumps(b), b.text().toString());
    }

    @Test
    void loopCountersAreWidenedNotGuessed() {
        // i counts from 0 while i < n for an unknown n: after the loop, i >= 0 is known and i == 10 is not
        MirPassesTest.B b = new MirPassesTest.B();
        int i = b.v(), n = b.v();
        Mir.Label head = b.newLabel(), done = b.newLabel(), a = b.newLabel(), c = b.newLabel();
        b.load(n, R1, 0);
        b.movImm(i, 0);
        b.label(head);
        b.add(JMP | JSGE | X, i, n, 0, 0).target = done;
        b.addImm(i, 1);
        b.jump(head);
        b.label(done);
        jump(b, JMP | JSLT | K, i, 0, a);    // never
        b.label(a);
        jump(b, JMP | JEQ | K, i, 10, c);    // unknown
        b.label(c);
        b.exit(i);
        new RangeBranchFolding().run(b.mir);
        assertEquals(2, conditionalJumps(b), b.text().toString());   // the loop's own test and i == 10
    }

    @Test
    void constantsTheLoaderRelocatesAreNotKnown() {
        // a CO-RE existence check: "x = 1" whose 1 the loader replaces with 0 when the field is missing
        MirPassesTest.B b = new MirPassesTest.B();
        int x = b.v();
        Mir.Label missing = b.newLabel();
        b.add(ALU64 | MOV | K, x, 0, 0, 1).ref = "field_exists:task_struct.no_such_field";
        jump(b, JMP | JEQ | K, x, 0, missing);
        b.label(missing);
        b.exit(x);
        new RangeBranchFolding().run(b.mir);
        assertEquals(1, conditionalJumps(b), b.text().toString());
    }
}
