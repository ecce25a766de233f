package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jbpf.core.helper.HelperTable;
import org.junit.jupiter.api.Test;

/**
 * A bpf_loop call with the constant count 0 is its result, 0, and all its argument moves go: left behind, they wrote
 * r1, r3 and r4 where the allocator, with no call there any more, kept other values (data seed 55 program 85).
 */
class NeverRunLoopsTest {

    @Test
    void aLoopOfNoIterationsIsItsResultAndLeavesItsBodyUnreferencedAndNoArgumentRegisterWritten() {
        MirPassesTest.B b = loop(0);
        new NeverRunLoops().run(b.mir);
        assertEquals(List.of("r0 = 0", "exit"), b.text());
    }

    @Test
    void aLoopOfSomeIterationsStays() {
        MirPassesTest.B b = loop(3);
        List<String> before = b.text();
        new NeverRunLoops().run(b.mir);
        assertEquals(before, b.text());
        assertEquals(List.of("w1 = 3", "r2 = step ll", "r3 = 0", "r4 = 0", "call bpf_loop#181", "exit"), before);
    }

    /** {@code Loops.repeat(count, P::step, null)} as the lowering calls bpf_loop, then the result returned. */
    private static MirPassesTest.B loop(int count) {
        MirPassesTest.B b = new MirPassesTest.B();
        b.add(ALU | MOV | K, R1, 0, 0, count);
        b.add(LD | IMM | DW, R2, PSEUDO_FUNC, 0, 0).ref = "step";
        b.movImm(R3, 0).movImm(R4, 0);
        b.add(JMP | CALL, 0, 0, 0, HelperTable.LOOP).callArgs = 4;
        b.add(JMP | EXIT, 0, 0, 0, 0);
        return b;
    }
}
