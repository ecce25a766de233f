package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import java.util.function.Consumer;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.translator.Translator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The smallest classes of what random bytecode found, each {@code f(a, b)} written with ASM ({@link AsmProbeClass}) and
 * run by the JVM, which verifies it, and by the kernel on both backends, on every input of
 * {@link RandomProgramsKernelTest#INPUTS}.
 */
class HandWrittenBytecodeKernelTest {
    /** {@code b - 3a} with the two longs swapped by dup2_x2; pop2 between two gotos: a parallel move at the block's end. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void longsSwappedBetweenBlocks(Backend backend) throws Exception {
        agree(backend, "Swapped", mv -> {
            Label in = new Label(), out = new Label();
            mv.visitVarInsn(LLOAD, 0);
            mv.visitLdcInsn(3L);
            mv.visitInsn(LMUL);
            mv.visitVarInsn(LLOAD, 2);
            mv.visitJumpInsn(GOTO, in);
            mv.visitLabel(in);
            mv.visitInsn(DUP2_X2);
            mv.visitInsn(POP2);
            mv.visitJumpInsn(GOTO, out);
            mv.visitLabel(out);
            mv.visitInsn(LSUB);
            mv.visitInsn(LRETURN);
        });
    }

    /**
     * A loop entered in the middle of its body on one condition (irreducible), counted down from 3, with a long kept on
     * the operand stack across the whole loop and consumed after it.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void loopEnteredInTheMiddleWithALongOnTheStack(Backend backend) throws Exception {
        agree(backend, "Middle", mv -> {
            Label head = new Label(), middle = new Label();
            mv.visitVarInsn(LLOAD, 2);               // kept on the stack until the end
            mv.visitInsn(ICONST_3);
            mv.visitVarInsn(ISTORE, 300);            // the counter, in a wide slot
            mv.visitVarInsn(LLOAD, 0);
            mv.visitVarInsn(LSTORE, 4);
            mv.visitVarInsn(LLOAD, 0);
            mv.visitInsn(L2I);
            mv.visitInsn(ICONST_1);
            mv.visitInsn(IAND);
            mv.visitJumpInsn(IFNE, middle);
            mv.visitLabel(head);
            mv.visitVarInsn(LLOAD, 4);
            mv.visitLdcInsn(7L);
            mv.visitInsn(LMUL);
            mv.visitVarInsn(LSTORE, 4);
            mv.visitLabel(middle);
            mv.visitVarInsn(LLOAD, 4);
            mv.visitVarInsn(ILOAD, 300);
            mv.visitInsn(I2L);
            mv.visitInsn(LADD);
            mv.visitVarInsn(LSTORE, 4);
            mv.visitIincInsn(300, -1);
            mv.visitVarInsn(ILOAD, 300);
            mv.visitJumpInsn(IFGT, head);
            mv.visitVarInsn(LLOAD, 4);
            mv.visitInsn(LXOR);
            mv.visitInsn(LRETURN);
        });
    }

    private static void agree(Backend backend, String name, Consumer<MethodVisitor> f) throws Exception {
        KernelCheck.require();
        if (backend == Backend.LLVM) backend.translate(Semantics.class); // skips without LLVM's bindings
        String internal = "gen/" + name;
        byte[] bytes = AsmProbeClass.write(internal, f);
        long[] expected = RandomBytecodeKernelTest.onTheJvm(internal, bytes);
        Translator.ClassSource library = Translator.ClassSource.of(HandWrittenBytecodeKernelTest.class.getClassLoader());
        BpfObject object = backend.translate("gen." + name, n -> n.equals(internal) ? bytes : library.read(n), new Translator.Options(List.of()));
        assertEquals(null, RandomBytecodeKernelTest.inTheInterpreter(object, expected), "the verifier simulation's interpreter");
        try (BPF bpf = BPF.load(object)) {
            BpfMap<Integer, Long> in = bpf.map("in", Integer.class, Long.class), out = bpf.map("out", Integer.class, Long.class);
            for (int k = 0; k < RandomProgramsKernelTest.INPUTS.length; k++) {
                long[] ab = RandomProgramsKernelTest.INPUTS[k];
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(expected[k], out.get(0), name + ".f(" + ab[0] + ", " + ab[1] + ")");
            }
        }
    }
}
