package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jbpf.translator.mir.Mir;
import org.junit.jupiter.api.Test;

/** The back edges of a numbers loop jump to its bpf_iter_num_next call, each with its own copy of the argument moves. */
class IteratorLoopHeadsTest {

    @Test
    void theBackEdgeAndAContinueGoToTheCallWithTheirOwnArgumentMoves() {
        MirPassesTest.B b = new MirPassesTest.B();
        Mir.Label head = b.newLabel(), end = b.newLabel();
        int v = b.v();
        b.label(head).mov(R1, R10).addImm(R1, -8);
        next(b);
        b.jeq(R0, 0, end);
        b.load(v, R0, 0);
        b.jeq(v, 3, head);   // if (n == 3) continue;
        b.jump(head);
        b.label(end).exit(v);
        new IteratorLoopHeads().run(b.mir);
        assertEquals(List.of("L0:", "r1 = r10", "r1 += -8", "L2:", "call bpf_iter_num_next", "if r0 == 0x0 goto pc+0 -> L1",
                "r15 = *(u64 *)(r0 +0) [dst v16]", "if r15 == 0x3 goto pc+0 [dst v16] -> L3", "r1 = r10", "r1 += -8", "goto pc+0 -> L2",
                "L1:", "r0 = r15 [src v16]", "exit", "L3:", "r1 = r10", "r1 += -8", "goto pc+0 -> L2"), b.text());
    }

    @Test
    void aLabelBeforeOtherCallsStays() {
        MirPassesTest.B b = new MirPassesTest.B();
        Mir.Label head = b.newLabel();
        b.label(head).mov(R1, R10).addImm(R1, -8);
        b.add(JMP | CALL, 0, PSEUDO_KFUNC_CALL, 0, 0).ref = "bpf_iter_num_destroy";
        b.jump(head);
        List<String> before = b.text();
        new IteratorLoopHeads().run(b.mir);
        assertEquals(before, b.text());
    }

    private static void next(MirPassesTest.B b) {
        Mir.MInsn call = b.add(JMP | CALL, 0, PSEUDO_KFUNC_CALL, 0, 0);
        call.ref = "bpf_iter_num_next";
        call.callArgs = 1;
    }
}
