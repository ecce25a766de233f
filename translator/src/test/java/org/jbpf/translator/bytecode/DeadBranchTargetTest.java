package org.jbpf.translator.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.objectweb.asm.Opcodes.*;

import org.jbpf.core.asm.Disassembler;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;

/**
 * A conditional jump whose target the analysis never reaches, since the value it tests is a known constant the
 * lowering keeps in a register: the code there is never written, so the jump must not be either. At the end of a BPF
 * function it would leave the function (random bytecode seed 13 program 1155, refused by the kernel).
 */
class DeadBranchTargetTest {
    /** {@code (char) -1L == 0} never holds: {@code h} returns 4, and its dead arm was its last code. */
    @Test
    void aJumpToCodeTheAnalysisNeverReachesIsNotWritten() throws Exception {
        HandWrittenProbe probe = new HandWrittenProbe("DeadTarget", true);
        probe.method("h", "(I)I", mv -> {
            mv.visitAnnotation("Lorg/jbpf/NoInline;", true).visitEnd();   // a BPF function of its own
            Label dead = new Label();
            mv.visitLdcInsn(-1L);
            mv.visitVarInsn(LSTORE, 1);
            mv.visitVarInsn(LLOAD, 1);
            mv.visitInsn(L2I);
            mv.visitInsn(I2C);
            mv.visitJumpInsn(IFEQ, dead);
            mv.visitInsn(ICONST_4);
            mv.visitInsn(IRETURN);
            mv.visitLabel(dead);
            mv.visitVarInsn(ILOAD, 0);
            mv.visitInsn(IRETURN);
        }).method("compute", "(I)I", mv -> {
            mv.visitVarInsn(ILOAD, 0);
            mv.visitMethodInsn(INVOKESTATIC, probe.owner(), "h", "(I)I", false);
            mv.visitVarInsn(ILOAD, 0);
            mv.visitMethodInsn(INVOKESTATIC, probe.owner(), "h", "(I)I", false);
            mv.visitInsn(IADD);
            mv.visitInsn(IRETURN);
        });
        assertEquals(8, probe.onTheJvm());
        assertEquals(8, probe.inTheSimulation());
    }

    /** {@code (char) -1L != 0} always holds: the test is a plain jump, with no edge into the dead fall-through. */
    @Test
    void aTestTheAnalysisDecidesAlwaysJumpsUnconditionally() throws Exception {
        HandWrittenProbe probe = new HandWrittenProbe("LiveTarget", true);
        probe.method("compute", "(I)I", mv -> {
            Label live = new Label();
            mv.visitLdcInsn(-1L);
            mv.visitVarInsn(LSTORE, 1);
            mv.visitVarInsn(LLOAD, 1);
            mv.visitInsn(L2I);
            mv.visitInsn(I2C);
            mv.visitJumpInsn(IFNE, live);
            mv.visitVarInsn(ILOAD, 0);
            mv.visitInsn(IRETURN);
            mv.visitLabel(live);
            mv.visitInsn(ICONST_4);
            mv.visitInsn(IRETURN);
        });
        assertEquals(4, probe.onTheJvm());
        assertEquals(4, probe.inTheSimulation());
        String listing = Disassembler.listing(probe.translate().programs().get(0).insns());
        assertFalse(listing.contains(" if "), listing);
    }
}
