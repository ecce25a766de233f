package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jbpf.translator.mir.Mir;
import org.junit.jupiter.api.Test;

/** Values written before the branch that selects them: a chain of returns and a switch of constants. */
class PresetValuesTest {

    private static Mir.MInsn jump(MirPassesTest.B b, int opcode, int reg, long imm, Mir.Label to) {
        Mir.MInsn m = b.add(opcode, reg, 0, 0, imm);
        m.target = to;
        return m;
    }

    @Test
    void aChainOfConstantResultsBecomesPresetsAndCompares() {
        // x = v < 0 ? 4 : v == 0 ? 0 : 1, as javac's if/goto diamonds
        MirPassesTest.B b = new MirPassesTest.B();
        int v = b.v(), x = b.v();
        Mir.Label notNeg = b.newLabel(), notZero = b.newLabel(), end = b.newLabel();
        b.load(v, R1, 0);
        jump(b, JMP | JSGE | K, v, 0, notNeg);
        b.movImm(x, 4).jump(end);
        b.label(notNeg);
        jump(b, JMP | JNE | K, v, 0, notZero);
        b.movImm(x, 0).jump(end);
        b.label(notZero);
        b.movImm(x, 1);
        b.label(end);
        b.exit(x);
        new PresetValues().run(b.mir);
        assertEquals(List.of("r15 = *(u64 *)(r1 +0) [dst v16]", "r15 = 4 [dst v17]", "if r15 s< 0x0 goto pc+0 [dst v16] -> L2",
                "L0:", "r15 = 0 [dst v17]", "if r15 == 0x0 goto pc+0 [dst v16] -> L2", "L1:", "r15 = 1 [dst v17]", "L2:",
                "r0 = r15 [src v17]", "exit"), b.text());
    }

    @Test
    void switchCasesOfConstantsBecomePresetsBeforeEachCompare() {
        MirPassesTest.B b = new MirPassesTest.B();
        int v = b.v(), x = b.v();
        Mir.Label c0 = b.newLabel(), c1 = b.newLabel(), dflt = b.newLabel(), end = b.newLabel();
        b.load(v, R1, 0);
        jump(b, JMP32 | JEQ | K, v, 0, c0);
        jump(b, JMP32 | JEQ | K, v, 1, c1);
        b.jump(dflt);
        b.label(c0).movImm(x, 10).jump(end);
        b.label(c1).movImm(x, 30).jump(end);
        b.label(dflt).movImm(x, 7);
        b.label(end);
        b.exit(x);
        new PresetValues().run(b.mir);
        assertEquals(List.of("r15 = *(u64 *)(r1 +0) [dst v16]", "r15 = 10 [dst v17]", "if w15 == 0x0 goto pc+0 [dst v16] -> L3",
                "r15 = 30 [dst v17]", "if w15 == 0x1 goto pc+0 [dst v16] -> L3", "goto pc+0 -> L2", "L2:", "r15 = 7 [dst v17]",
                "L3:", "r0 = r15 [src v17]", "exit"), b.text());
    }

    @Test
    void aValueStillNeededOnTheOtherPathStaysOnItsOwnPath() {
        // x already holds 5 where the branch falls through, and that path reads it
        MirPassesTest.B b = new MirPassesTest.B();
        int v = b.v(), x = b.v();
        Mir.Label other = b.newLabel(), end = b.newLabel();
        b.load(v, R1, 0).movImm(x, 5);
        jump(b, JMP | JEQ | K, v, 0, other);
        b.movImm(x, 9).jump(end);
        b.label(other);
        b.addImm(x, 1);
        b.label(end);
        b.exit(x);
        List<String> before = b.text();
        new PresetValues().run(b.mir);
        assertEquals(before, b.text());
    }
}
