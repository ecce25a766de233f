package org.jbpf.it.semantics;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What an {@code ArrayMap<Long>} does, for the JVM copy of a class written with ASM ({@link RandomBytecode}): every
 * index below the size holds a long that starts at 0; a lookup past the end finds nothing; a write returns 0.
 * {@link #onTheJvm} rewrites a class's uses of {@code org.jbpf.maps.ArrayMap} (whose methods run only in the kernel)
 * into uses of this class, leaving every other instruction as it is.
 */
public final class ArrayMapModel {
    private static final String MAP = "org/jbpf/maps/ArrayMap", MODEL = "org/jbpf/it/semantics/ArrayMapModel";
    private final long[] values;

    public ArrayMapModel(Class<?> valueType, int maxEntries) { values = new long[maxEntries]; }

    public Object lookup(Object key) {
        int i = (Integer) key;
        return i >= 0 && i < values.length ? Long.valueOf(values[i]) : null;
    }

    public long update(Object key, Object value) {
        values[(Integer) key] = (Long) value;
        return 0;
    }

    public long increment(Object key) { return add(key, 1); }

    public long add(Object key, long delta) {
        values[(Integer) key] += delta;
        return 0;
    }

    /** {@code bytes} with every reference to ArrayMap turned into one to this model (frames computed again). */
    static byte[] onTheJvm(byte[] bytes) {
        ClassWriter out = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) { return a.equals(b) ? a : "java/lang/Object"; }
        };
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9, out) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                return super.visitField(access, name, model(descriptor), null, value);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                        super.visitFieldInsn(opcode, owner, name, model(descriptor));
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) { super.visitTypeInsn(opcode, model(type)); }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                        super.visitMethodInsn(opcode, model(owner), name, descriptor, isInterface);
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
        return out.toByteArray();
    }

    private static String model(String text) { return text.replace(MAP, MODEL); }
}
