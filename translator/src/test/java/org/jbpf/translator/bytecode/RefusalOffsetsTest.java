package org.jbpf.translator.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.objectweb.asm.Opcodes.*;

import org.jbpf.translator.TranslationException;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;

/**
 * A class without line numbers (another compiler, a bytecode tool, javac -g:none) is refused at the class, the
 * program, the method and the bytecode offset of the instruction, as javap numbers it: past a padded lookupswitch and
 * wide loads and stores, whose lengths the offset must count.
 */
class RefusalOffsetsTest {
    @Test
    void aRefusalWithoutLinesNamesTheMethodAndBytecodeOffset() {
        HandWrittenProbe probe = new HandWrittenProbe("Offsets");
        probe.method("compute", "()I", mv -> {
            Label next = new Label();
            mv.visitInsn(ICONST_0);                                                      // 0
            mv.visitLookupSwitchInsn(next, new int[] {7}, new Label[] {next});           // 1, padded to 4: 19 bytes
            mv.visitLabel(next);
            mv.visitIntInsn(SIPUSH, 300);                                                // 20
            mv.visitVarInsn(ISTORE, 300);                                                // 23, wide
            mv.visitVarInsn(ILOAD, 300);                                                 // 27, wide
            mv.visitInsn(I2F);                                                           // 31
            mv.visitInsn(F2I);
            mv.visitInsn(IRETURN);
        });
        String message = assertThrows(TranslationException.class, probe::translate).getMessage();
        assertEquals("Offsets.java: class gen.Offsets, program run (compiled without line numbers; compile with javac -g to see them): "
                + "method compute, bytecode offset 31: float and double are not supported in BPF programs; use int or long "
                + "(e.g. fixed-point scaled by 1000)", message);
    }
}
