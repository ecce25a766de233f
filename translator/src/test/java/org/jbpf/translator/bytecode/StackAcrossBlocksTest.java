package org.jbpf.translator.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Label;

/**
 * Operand stack values that cross a block boundary in another order than they came in: two longs or two ints swapped
 * ({@code dup2_x2; pop2}, {@code swap}) between two gotos. Each stack depth has a register at a join, so leaving the
 * block is a parallel move (the first depth's register is written while the second still reads it); javac never
 * writes this, a bytecode tool's {@code goto}s and swaps do (the language corpus rewritten, 16 of 264 classes).
 */
class StackAcrossBlocksTest {
    @org.junit.jupiter.api.Test
    void twoLongsSwappedBetweenGotosKeepTheirValues() throws Exception {
        HandWrittenProbe probe = new HandWrittenProbe("SwappedLongs", true);
        probe.method("compute", "(I)I", mv -> {
            Label in = new Label(), out = new Label();
            mv.visitVarInsn(ILOAD, 0);
            mv.visitInsn(I2L);
            mv.visitVarInsn(ILOAD, 0);
            mv.visitInsn(I2L);
            mv.visitLdcInsn(3L);
            mv.visitInsn(LMUL);
            mv.visitJumpInsn(GOTO, in);
            mv.visitLabel(in);
            mv.visitInsn(DUP2_X2);
            mv.visitInsn(POP2);
            mv.visitJumpInsn(GOTO, out);
            mv.visitLabel(out);
            mv.visitInsn(LSUB);                       // 3x - x, not x - 3x
            mv.visitInsn(L2I);
            mv.visitInsn(IRETURN);
        });
        assertEquals(2 * HandWrittenProbe.LENGTH, probe.onTheJvm());
        assertEquals(2 * HandWrittenProbe.LENGTH, probe.inTheSimulation());
    }

    @org.junit.jupiter.api.Test
    void twoIntsSwappedBetweenGotosKeepTheirValues() throws Exception {
        HandWrittenProbe probe = new HandWrittenProbe("SwappedInts", true);
        probe.method("compute", "(I)I", mv -> {
            Label in = new Label(), out = new Label();
            mv.visitVarInsn(ILOAD, 0);
            mv.visitVarInsn(ILOAD, 0);
            mv.visitIntInsn(BIPUSH, 5);
            mv.visitInsn(IMUL);
            mv.visitJumpInsn(GOTO, in);
            mv.visitLabel(in);
            mv.visitInsn(SWAP);
            mv.visitJumpInsn(GOTO, out);
            mv.visitLabel(out);
            mv.visitInsn(ISUB);                       // 5x - x
            mv.visitInsn(IRETURN);
        });
        assertEquals(4 * HandWrittenProbe.LENGTH, probe.onTheJvm());
        assertEquals(4 * HandWrittenProbe.LENGTH, probe.inTheSimulation());
    }
}
