package org.jbpf.runtime;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.List;
import org.jbpf.core.layout.StructLayout;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Generates, per {@code @Struct} class, a reader that constructs the object and stores each field from its offset
 * with one absolute buffer read: straight-line code the JIT compiles like a hand-written decoder, where the
 * reflective path pays a constructor call through reflection, a {@code Field.set} and a switch per field. The reader
 * is a hidden class nested in the struct's class, so it may use private fields and constructors. Where the JVM does
 * not allow that (the struct's package is not open to jbpf), {@link #generate} returns null and the reflective path
 * stays in use.
 */
final class StructReaders {
    private StructReaders() {}

    /** Reads one struct at an index of a little-endian buffer, into a new object or into one it refills. */
    interface Reader<T> {
        T read(ByteBuffer in, int offset);

        /** Sets every field of {@code target}; a byte[] field keeps its array when it has the right length. */
        void readInto(T target, ByteBuffer in, int offset);
    }

    /** Public so that a reader in the struct's package can implement it; not for use outside jbpf. */
    public interface PublicReader<T> extends Reader<T> {}

    /** A generated reader for {@code type}, or null when this JVM does not let jbpf define one next to it. */
    @SuppressWarnings("unchecked")
    static <T> Reader<T> generate(Class<T> type, Field[] fields, StructLayout layout) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            byte[] bytes = bytecode(type, fields, layout.fields());
            MethodHandles.Lookup reader = lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE);
            // the reader is package-private in the struct's package: only its own lookup may construct it
            return (Reader<T>) reader.findConstructor(reader.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | LinkageError e) {
            return null;
        } catch (Throwable e) {
            return null;  // IllegalAccessException and the like: this JVM does not let jbpf define the reader
        }
    }

    private static byte[] bytecode(Class<?> type, Field[] fields, List<StructLayout.Field> layout) {
        String owner = Type.getInternalName(type);
        String name = owner + "$$JbpfReader";
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override protected String getCommonSuperClass(String a, String b) { return "java/lang/Object"; }
        };
        cw.visit(V17, ACC_FINAL | ACC_SYNTHETIC, name, null, "java/lang/Object",
                new String[] {Type.getInternalName(PublicReader.class)});
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        String buffer = "java/nio/ByteBuffer";
        // read: a new object, filled by readInto
        MethodVisitor read = cw.visitMethod(ACC_PUBLIC, "read", "(Ljava/nio/ByteBuffer;I)Ljava/lang/Object;", null, null);
        read.visitCode();
        read.visitTypeInsn(NEW, owner);
        read.visitInsn(DUP);
        read.visitMethodInsn(INVOKESPECIAL, owner, "<init>", "()V", false);
        read.visitVarInsn(ASTORE, 3);
        read.visitVarInsn(ALOAD, 0);
        read.visitVarInsn(ALOAD, 3);
        read.visitVarInsn(ALOAD, 1);
        read.visitVarInsn(ILOAD, 2);
        read.visitMethodInsn(INVOKEVIRTUAL, name, "readInto", "(Ljava/lang/Object;Ljava/nio/ByteBuffer;I)V", false);
        read.visitVarInsn(ALOAD, 3);
        read.visitInsn(ARETURN);
        read.visitMaxs(0, 0);
        read.visitEnd();

        // readInto(target, in, offset): locals 1 target, 2 in, 3 offset, 4 target as the struct type, 5 an array
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "readInto", "(Ljava/lang/Object;Ljava/nio/ByteBuffer;I)V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 1);
        mv.visitTypeInsn(CHECKCAST, owner);
        mv.visitVarInsn(ASTORE, 4);
        for (int i = 0; i < fields.length; i++) {
            StructLayout.Field lf = layout.get(i);
            Field f = fields[i];
            if (f.getType() == String.class) {
                // t.f = CStrings.read(in, offset + at, n)
                mv.visitVarInsn(ALOAD, 4);
                mv.visitVarInsn(ALOAD, 2);
                index(mv, lf.offset());
                mv.visitLdcInsn(lf.size());
                mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(CStrings.class), "read", "(Ljava/nio/ByteBuffer;II)Ljava/lang/String;", false);
                mv.visitFieldInsn(PUTFIELD, owner, f.getName(), "Ljava/lang/String;");
                continue;
            }
            if (lf.kind() == StructLayout.Kind.BYTES) {
                // byte[] a = t.f; if (a == null || a.length != n) t.f = a = new byte[n]; in.get(offset + at, a)
                Label fresh = new Label(), have = new Label();
                mv.visitVarInsn(ALOAD, 4);
                mv.visitFieldInsn(GETFIELD, owner, f.getName(), "[B");
                mv.visitVarInsn(ASTORE, 5);
                mv.visitVarInsn(ALOAD, 5);
                mv.visitJumpInsn(IFNULL, fresh);
                mv.visitVarInsn(ALOAD, 5);
                mv.visitInsn(ARRAYLENGTH);
                mv.visitLdcInsn(lf.size());
                mv.visitJumpInsn(IF_ICMPEQ, have);
                mv.visitLabel(fresh);
                mv.visitLdcInsn(lf.size());
                mv.visitIntInsn(NEWARRAY, T_BYTE);
                mv.visitVarInsn(ASTORE, 5);
                mv.visitVarInsn(ALOAD, 4);
                mv.visitVarInsn(ALOAD, 5);
                mv.visitFieldInsn(PUTFIELD, owner, f.getName(), "[B");
                mv.visitLabel(have);
                copyBytes(mv, lf.offset(), lf.size());
                continue;
            }
            mv.visitVarInsn(ALOAD, 4);
            mv.visitVarInsn(ALOAD, 2);
            index(mv, lf.offset());
            switch (lf.kind()) {
                case BYTE: mv.visitMethodInsn(INVOKEVIRTUAL, buffer, "get", "(I)B", false); break;
                case BOOLEAN: {
                    mv.visitMethodInsn(INVOKEVIRTUAL, buffer, "get", "(I)B", false);
                    Label zero = new Label(), done = new Label();
                    mv.visitJumpInsn(IFEQ, zero);
                    mv.visitInsn(ICONST_1);
                    mv.visitJumpInsn(GOTO, done);
                    mv.visitLabel(zero);
                    mv.visitInsn(ICONST_0);
                    mv.visitLabel(done);
                    break;
                }
                case SHORT: mv.visitMethodInsn(INVOKEVIRTUAL, buffer, "getShort", "(I)S", false); break;
                case CHAR: mv.visitMethodInsn(INVOKEVIRTUAL, buffer, "getChar", "(I)C", false); break;
                case INT: mv.visitMethodInsn(INVOKEVIRTUAL, buffer, "getInt", "(I)I", false); break;
                case LONG: mv.visitMethodInsn(INVOKEVIRTUAL, buffer, "getLong", "(I)J", false); break;
                default: throw new IllegalStateException(lf.kind().toString());
            }
            mv.visitFieldInsn(PUTFIELD, owner, f.getName(), Type.getDescriptor(f.getType()));
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * Copies {@code n} bytes from index {@code offset + at} into the array in local 5: unrolled eight bytes at a time
     * for short arrays, the buffer's bulk copy for long ones.
     */
    private static void copyBytes(MethodVisitor mv, int at, int n) {
        String bytes = Type.getInternalName(RecordBytes.class);
        if (n > RecordBytes.UNROLLED_MAX) {
            mv.visitVarInsn(ALOAD, 2);
            index(mv, at);
            mv.visitVarInsn(ALOAD, 5);
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/nio/ByteBuffer", "get", "(I[B)Ljava/nio/ByteBuffer;", false);
            mv.visitInsn(POP);
            return;
        }
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            mv.visitVarInsn(ALOAD, 5);
            mv.visitLdcInsn(k);
            mv.visitVarInsn(ALOAD, 2);
            index(mv, at + k);
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/nio/ByteBuffer", "getLong", "(I)J", false);
            mv.visitMethodInsn(INVOKESTATIC, bytes, "putLong", "([BIJ)V", false);
        }
        for (; k < n; k++) {
            mv.visitVarInsn(ALOAD, 5);
            mv.visitLdcInsn(k);
            mv.visitVarInsn(ALOAD, 2);
            index(mv, at + k);
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/nio/ByteBuffer", "get", "(I)B", false);
            mv.visitInsn(BASTORE);
        }
    }

    /** Pushes {@code offset + at} (the offset is local 3 of readInto). */
    private static void index(MethodVisitor mv, int at) {
        mv.visitVarInsn(ILOAD, 3);
        if (at != 0) {
            mv.visitLdcInsn(at);
            mv.visitInsn(IADD);
        }
    }
}
