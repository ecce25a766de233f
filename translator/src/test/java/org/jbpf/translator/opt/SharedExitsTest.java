package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jbpf.translator.mir.Mir;
import org.junit.jupiter.api.Test;

/** An early return of a constant on allocated code: when it shares a later exit, and when r0 forbids it. */
class SharedExitsTest {
    /** if r6 s>= 14 goto L; r0 = 1; exit; L: [r0 = r6, or a read of r0 first]; r0 = 2; exit */
    private static MirPassesTest.B earlyReturn(int test, boolean readsR0AtL) {
        MirPassesTest.B b = new MirPassesTest.B();
        Mir.Label on = b.newLabel();
        b.add(LDX | MEM | W, R6, R1, 0, 0);
        b.add(test, R6, 0, 0, 14).target = on;
        b.add(ALU | MOV | K, R0, 0, 0, 1);
        b.add(JMP | EXIT, 0, 0, 0, 0);
        b.label(on);
        if (readsR0AtL) b.add(STX | MEM | DW, R10, R0, -8, 0);
        b.add(ALU | MOV | K, R0, 0, 0, 2);
        b.add(JMP | EXIT, 0, 0, 0, 0);
        return b;
    }

    @Test
    void theReturnValueIsSetBeforeTheInvertedTestWhichJumpsToTheLastExit() {
        MirPassesTest.B b = earlyReturn(JMP32 | JSGE | K, false);
        new SharedExits().run(b.mir);
        assertEquals(List.of("r6 = *(u32 *)(r1 +0)", "w0 = 1", "if w6 s< 0xe goto pc+0 -> L1", "L0:", "w0 = 2", "L1:", "exit"), b.text());
    }

    @Test
    void aTestOfR0OrAWayOnThatReadsR0KeepsTheEarlyExit() {
        MirPassesTest.B reads = earlyReturn(JMP32 | JSGE | K, true);
        List<String> before = reads.text();
        new SharedExits().run(reads.mir);
        assertEquals(before, reads.text(), "r0 is read after L: the early value would reach it");
        MirPassesTest.B tests = new MirPassesTest.B();
        Mir.Label on = tests.newLabel();
        tests.add(JMP | CALL, 0, 0, 0, 5);   // r0 = ktime
        tests.add(JMP | JSGT | K, R0, 0, 0, 14).target = on;
        tests.add(ALU | MOV | K, R0, 0, 0, 1);
        tests.add(JMP | EXIT, 0, 0, 0, 0);
        tests.label(on);
        tests.add(ALU | MOV | K, R0, 0, 0, 2);
        tests.add(JMP | EXIT, 0, 0, 0, 0);
        List<String> original = tests.text();
        new SharedExits().run(tests.mir);
        assertEquals(original, tests.text(), "the test reads r0, which the early value would change");
    }
}
