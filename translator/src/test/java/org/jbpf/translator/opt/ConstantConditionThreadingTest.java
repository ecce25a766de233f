package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jbpf.translator.mir.Mir;
import org.junit.jupiter.api.Test;

/** A boolean set on two paths and tested at their join: each path goes where its own value sends it. */
class ConstantConditionThreadingTest {

    @Test
    void eachPathOfABooleanSkipsTheTestOfIt() {
        // b = v == 3 ? 1 : 0 (a copy at the join, as an inlined method leaves it); if (b != 0) r = -r; return r
        MirPassesTest.B b = new MirPassesTest.B();
        int v = b.v(), flag = b.v(), copy = b.v(), r = b.v();
        Mir.Label no = b.newLabel(), join = b.newLabel(), skip = b.newLabel();
        b.load(v, R1, 0).load(r, R1, 8);
        b.add(JMP | JNE | K, v, 0, 0, 3).target = no;
        b.add(ALU | MOV | K, flag, 0, 0, 1);
        b.jump(join);
        b.label(no);
        b.add(ALU | MOV | K, flag, 0, 0, 0);
        b.label(join);
        b.mov(copy, flag);
        b.add(JMP32 | JEQ | K, copy, 0, 0, 0).target = skip;
        b.add(ALU64 | NEG, r, 0, 0, 0);
        b.label(skip);
        b.exit(r);
        new ConstantConditionThreading().run(b.mir);
        assertEquals(List.of("r15 = *(u64 *)(r1 +0) [dst v16]", "r15 = *(u64 *)(r1 +8) [dst v19]",
                "if r15 != 0x3 goto pc+0 [dst v16] -> L0", "goto pc+0 -> L3", "L0:", "goto pc+0 -> L2", "L3:",
                "r15 = -r15 [dst v19]", "L2:", "r0 = r15 [src v19]", "exit"), b.text());
    }
}
