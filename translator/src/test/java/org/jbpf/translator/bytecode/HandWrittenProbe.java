package org.jbpf.translator.bytecode;

import static org.objectweb.asm.Opcodes.*;

import java.lang.reflect.InvocationTargetException;
import java.util.function.Consumer;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.sim.interp.Interpreter;
import org.jbpf.translator.Translator;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/**
 * A probe class written instruction by instruction with ASM, in shapes javac does not write: an XDP program
 * {@code run} returning {@code int compute()}, with static helpers the test adds. The JVM loads, verifies and runs the
 * same bytes as the reference; the translator translates them and the verifier simulation judges and runs the result.
 */
final class HandWrittenProbe {
    private final String name;
    private final ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
        @Override
        protected String getCommonSuperClass(String a, String b) { return a.equals(b) ? a : "java/lang/Object"; }
    };

    /** The packet length {@link #inTheSimulation} runs with, and {@link #onTheJvm} hands a {@code compute(int)}. */
    static final int LENGTH = 64;
    private final String computeDescriptor;

    HandWrittenProbe(String simpleName) { this(simpleName, false); }

    /**
     * With {@code fromPacket}, {@code run} calls {@code int compute(int)} with the packet's length, a value the
     * translator cannot know, so that its code works on registers rather than folded constants.
     */
    HandWrittenProbe(String simpleName, boolean fromPacket) {
        this.name = "gen/" + simpleName;
        this.computeDescriptor = fromPacket ? "(I)I" : "()I";
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object", null);
        AnnotationVisitor bpf = cw.visitAnnotation("Lorg/jbpf/Bpf;", true);
        bpf.visit("license", "GPL");
        bpf.visitEnd();
        MethodVisitor run = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "run", "(Lorg/jbpf/XdpContext;)I", null, null);
        AnnotationVisitor section = run.visitAnnotation("Lorg/jbpf/Section;", true);
        section.visit("value", "xdp");
        section.visitEnd();
        run.visitCode();
        if (fromPacket) {
            run.visitVarInsn(ALOAD, 0);
            run.visitMethodInsn(INVOKEVIRTUAL, "org/jbpf/XdpContext", "length", "()I", false);
        }
        run.visitMethodInsn(INVOKESTATIC, name, "compute", computeDescriptor, false);
        run.visitInsn(IRETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
    }

    /** The class's name in internal form, for calls between its methods. */
    String owner() { return name; }

    /** Adds static method {@code method}{@code descriptor} with the code {@code body} writes (frames and sizes are computed). */
    HandWrittenProbe method(String method, String descriptor, Consumer<MethodVisitor> body) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, method, descriptor, null, null);
        mv.visitCode();
        body.accept(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        return this;
    }

    byte[] bytes() { return cw.toByteArray(); }

    /** What {@code compute()} returns on the JVM, which verifies the class as it loads it. */
    int onTheJvm() throws ReflectiveOperationException {
        byte[] bytes = bytes();
        String binary = name.replace('/', '.');
        ClassLoader loader = new ClassLoader(HandWrittenProbe.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String n) throws ClassNotFoundException {
                if (!n.equals(binary)) throw new ClassNotFoundException(n);
                return defineClass(n, bytes, 0, bytes.length);
            }
        };
        try {
            Class<?> c = loader.loadClass(binary);
            return computeDescriptor.equals("()I") ? (int) c.getMethod("compute").invoke(null) : (int) c.getMethod("compute", int.class).invoke(null, LENGTH);
        } catch (InvocationTargetException e) {
            throw new AssertionError("compute() threw on the JVM", e.getCause());
        }
    }

    BpfObject translate() {
        byte[] bytes = bytes();
        Translator.ClassSource library = Translator.ClassSource.of(HandWrittenProbe.class.getClassLoader());
        return Translator.translate(name.replace('/', '.'), n -> n.equals(name) ? bytes : library.read(n));
    }

    /** What {@code run} returns in the verifier simulation's interpreter, after the simulation accepted it. */
    int inTheSimulation() {
        BpfObject object = translate();
        for (VerifierResult r : Verifier.verifyAll(object))
            if (!r.ok()) throw new AssertionError("the verifier simulation refuses " + name + ": " + r);
        return (int) new Interpreter(object).runPacket("run", new byte[LENGTH]);
    }
}
