package org.jbpf.runtime;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.List;
import org.jbpf.core.layout.StructLayout;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Generates, per {@code @Struct} class, a {@link StructReader} that constructs the object and stores each field from
 * its offset: straight-line code the JIT compiles like a hand-written decoder, where the reflective path pays a
 * constructor call through reflection, a {@code Field.set} and a switch per field. Every field kind is generated:
 * primitives, byte and number arrays (refilled in place when they have the right length), {@code @Size} strings,
 * nested structs and arrays of structs (through the element's own generated reader) and records (built through their
 * canonical constructor).
 *
 * <p>Each read checks the whole struct against the buffer once ({@link RawMemory#address}); where raw reads are on,
 * the fields are then read at raw addresses, otherwise through the buffer. The reader is a hidden class nested in the
 * struct's class, so it may use private fields and constructors. Where the JVM does not allow that (the struct's
 * package is not open to jbpf), {@link #generate} returns null and the reflective path stays in use.
 */
final class StructReaders {
    private StructReaders() {}

    private static final String BUFFER = Type.getInternalName(ByteBuffer.class), RAW = Type.getInternalName(RawMemory.class),
            READER = Type.getInternalName(StructReader.class), NESTED = "[L" + READER + ";";

    /**
     * A generated reader for {@code type}, or null when this JVM does not let jbpf define one next to it.
     * {@code nested} holds the reader of each nested struct field (null for other fields); each must exist.
     */
    @SuppressWarnings("unchecked")
    static <T> StructReader<T> generate(Class<T> type, Field[] fields, StructLayout layout, StructReader<?>[] nested) {
        try {
            if (type.isRecord() && !componentsInFieldOrder(type, fields)) return null;
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            byte[] bytes = bytecode(type, fields, layout.fields(), layout.size());
            MethodHandles.Lookup reader = lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE);
            // the reader is package-private in the struct's package: only its own lookup may construct it
            return (StructReader<T>) reader.findConstructor(reader.lookupClass(), MethodType.methodType(void.class, StructReader[].class))
                    .invoke((Object) nested.clone());
        } catch (RuntimeException | LinkageError e) {
            return null;
        } catch (Throwable e) {
            return null;  // IllegalAccessException and the like: this JVM does not let jbpf define the reader
        }
    }

    private static boolean componentsInFieldOrder(Class<?> type, Field[] fields) {
        RecordComponent[] components = type.getRecordComponents();
        if (components.length != fields.length) return false;
        for (int i = 0; i < fields.length; i++) if (!components[i].getName().equals(fields[i].getName())) return false;
        return true;
    }

    private static byte[] bytecode(Class<?> type, Field[] fields, List<StructLayout.Field> layout, int size) {
        String owner = Type.getInternalName(type);
        String name = owner + "$$JbpfReader";
        boolean record = type.isRecord();
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override protected String getCommonSuperClass(String a, String b) { return "java/lang/Object"; }
        };
        cw.visit(V17, ACC_FINAL | ACC_SYNTHETIC, name, null, "java/lang/Object", new String[] {READER});
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "nested", NESTED, null, null).visitEnd();
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "([L" + READER + ";)V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 1);
        init.visitFieldInsn(PUTFIELD, name, "nested", NESTED);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor refills = cw.visitMethod(ACC_PUBLIC, "refills", "()Z", null, null);
        refills.visitCode();
        refills.visitInsn(record ? ICONST_0 : ICONST_1);
        refills.visitInsn(IRETURN);
        refills.visitMaxs(0, 0);
        refills.visitEnd();

        MethodVisitor read = cw.visitMethod(ACC_PUBLIC, "read", "(L" + BUFFER + ";I)Ljava/lang/Object;", null, null);
        read.visitCode();
        if (record) {
            // read(in, offset): locals 1 in, 2 offset, 3-4 address, 5 a scratch array
            StringBuilder descriptor = new StringBuilder("(");
            for (Field f : fields) descriptor.append(Type.getDescriptor(f.getType()));
            String constructor = descriptor.append(")V").toString();
            Fields fs = new Fields(read, owner, name, fields, layout, 1, 2, 3, -1, 5);
            Label buffer = fs.checkAddress(size);
            for (boolean raw : new boolean[] {true, false}) {
                if (!raw) read.visitLabel(buffer);
                read.visitTypeInsn(NEW, owner);
                read.visitInsn(DUP);
                for (int i = 0; i < fields.length; i++) fs.push(i, raw);
                read.visitMethodInsn(INVOKESPECIAL, owner, "<init>", constructor, false);
                read.visitInsn(ARETURN);
            }
        } else {
            // read: a new object, filled by readInto
            read.visitTypeInsn(NEW, owner);
            read.visitInsn(DUP);
            read.visitMethodInsn(INVOKESPECIAL, owner, "<init>", "()V", false);
            read.visitVarInsn(ASTORE, 3);
            read.visitVarInsn(ALOAD, 0);
            read.visitVarInsn(ALOAD, 3);
            read.visitVarInsn(ALOAD, 1);
            read.visitVarInsn(ILOAD, 2);
            read.visitMethodInsn(INVOKEVIRTUAL, name, "readInto", "(Ljava/lang/Object;L" + BUFFER + ";I)V", false);
            read.visitVarInsn(ALOAD, 3);
            read.visitInsn(ARETURN);
        }
        read.visitMaxs(0, 0);
        read.visitEnd();

        // readInto(target, in, offset): locals 1 target, 2 in, 3 offset, 4 target as the struct type, 5 an array, 6-7 address
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "readInto", "(Ljava/lang/Object;L" + BUFFER + ";I)V", null, null);
        mv.visitCode();
        if (record) {
            mv.visitTypeInsn(NEW, "java/lang/UnsupportedOperationException");
            mv.visitInsn(DUP);
            mv.visitLdcInsn("a record cannot be refilled");
            mv.visitMethodInsn(INVOKESPECIAL, "java/lang/UnsupportedOperationException", "<init>", "(Ljava/lang/String;)V", false);
            mv.visitInsn(ATHROW);
        } else {
            mv.visitVarInsn(ALOAD, 1);
            mv.visitTypeInsn(CHECKCAST, owner);
            mv.visitVarInsn(ASTORE, 4);
            Fields fs = new Fields(mv, owner, name, fields, layout, 2, 3, 6, 4, 5);
            Label buffer = fs.checkAddress(size);
            for (boolean raw : new boolean[] {true, false}) {
                if (!raw) mv.visitLabel(buffer);
                for (int i = 0; i < fields.length; i++) fs.store(i, raw);
                mv.visitInsn(RETURN);
            }
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Emits the reads of one struct's fields, raw or through the buffer, with the locals a method gives them. */
    private static final class Fields {
        private final MethodVisitor mv;
        private final String owner, self;
        private final Field[] fields;
        private final List<StructLayout.Field> layout;
        private final int in, offset, address, target, array;

        Fields(MethodVisitor mv, String owner, String self, Field[] fields, List<StructLayout.Field> layout, int in, int offset,
                int address, int target, int array) {
            this.mv = mv;
            this.owner = owner;
            this.self = self;
            this.fields = fields;
            this.layout = layout;
            this.in = in;
            this.offset = offset;
            this.address = address;
            this.target = target;
            this.array = array;
        }

        /** address = RawMemory.address(in, offset, size) (the one bounds check); jumps to the returned label when 0. */
        Label checkAddress(int size) {
            Label buffer = new Label();
            mv.visitVarInsn(ALOAD, in);
            mv.visitVarInsn(ILOAD, offset);
            mv.visitLdcInsn(size);
            mv.visitMethodInsn(INVOKESTATIC, RAW, "address", "(L" + BUFFER + ";II)J", false);
            mv.visitInsn(DUP2);
            mv.visitVarInsn(LSTORE, address);
            mv.visitInsn(LCONST_0);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFEQ, buffer);
            return buffer;
        }

        /** target.f = the value of field {@code i}; arrays and nested structs refilled where they can be. */
        void store(int i, boolean raw) {
            Field f = fields[i];
            StructLayout.Field lf = layout.get(i);
            String desc = Type.getDescriptor(f.getType());
            boolean array = f.getType().isArray();
            if (array || lf.kind() == StructLayout.Kind.STRUCT) {
                // a = t.f; if (a == null || a.length != n) t.f = a = new ...; fill a
                Label fresh = new Label(), have = new Label();
                mv.visitVarInsn(ALOAD, target);
                mv.visitFieldInsn(GETFIELD, owner, f.getName(), desc);
                mv.visitVarInsn(ASTORE, this.array);
                mv.visitVarInsn(ALOAD, this.array);
                mv.visitJumpInsn(IFNULL, fresh);
                if (array) {
                    mv.visitVarInsn(ALOAD, this.array);
                    mv.visitInsn(ARRAYLENGTH);
                    mv.visitLdcInsn(lf.kind() == StructLayout.Kind.BYTES ? lf.size() : lf.count());
                    mv.visitJumpInsn(IF_ICMPEQ, have);
                } else {
                    nested(i);
                    mv.visitMethodInsn(INVOKEINTERFACE, READER, "refills", "()Z", true);
                    mv.visitJumpInsn(IFNE, have);
                }
                mv.visitLabel(fresh);
                if (array) {
                    newArray(i, lf);
                    mv.visitVarInsn(ASTORE, this.array);
                    mv.visitVarInsn(ALOAD, target);
                    mv.visitVarInsn(ALOAD, this.array);
                    mv.visitFieldInsn(PUTFIELD, owner, f.getName(), desc);
                    mv.visitLabel(have);
                    fill(i, lf, raw);
                } else {
                    Label done = new Label();
                    mv.visitVarInsn(ALOAD, target);
                    readNested(i, lf);
                    mv.visitFieldInsn(PUTFIELD, owner, f.getName(), desc);
                    mv.visitJumpInsn(GOTO, done);
                    mv.visitLabel(have);
                    nested(i);
                    mv.visitVarInsn(ALOAD, this.array);
                    mv.visitVarInsn(ALOAD, in);
                    index(lf.offset());
                    mv.visitMethodInsn(INVOKEINTERFACE, READER, "readInto", "(Ljava/lang/Object;L" + BUFFER + ";I)V", true);
                    mv.visitLabel(done);
                }
                return;
            }
            mv.visitVarInsn(ALOAD, target);
            push(i, raw);
            mv.visitFieldInsn(PUTFIELD, owner, f.getName(), desc);
        }

        /** Pushes the value of field {@code i}: a new array or nested object where it is one. */
        void push(int i, boolean raw) {
            Field f = fields[i];
            StructLayout.Field lf = layout.get(i);
            if (f.getType() == String.class) {
                mv.visitVarInsn(ALOAD, in);
                index(lf.offset());
                mv.visitLdcInsn(lf.size());
                mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(CStrings.class), "read", "(L" + BUFFER + ";II)Ljava/lang/String;", false);
                return;
            }
            if (f.getType().isArray()) {
                newArray(i, lf);
                mv.visitVarInsn(ASTORE, array);
                fill(i, lf, raw);
                mv.visitVarInsn(ALOAD, array);
                return;
            }
            if (lf.kind() == StructLayout.Kind.STRUCT) {
                readNested(i, lf);
                return;
            }
            String[] access = scalar(lf.kind());
            if (raw) {
                address(lf.offset());
                mv.visitMethodInsn(INVOKESTATIC, RAW, access[0].equals("get") ? "getByte" : access[0], "(J)" + access[1], false);
            } else {
                mv.visitVarInsn(ALOAD, in);
                index(lf.offset());
                mv.visitMethodInsn(INVOKEVIRTUAL, BUFFER, access[0], "(I)" + access[1], false);
            }
            if (lf.kind() == StructLayout.Kind.BOOLEAN) {
                Label zero = new Label(), done = new Label();
                mv.visitJumpInsn(IFEQ, zero);
                mv.visitInsn(ICONST_1);
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(zero);
                mv.visitInsn(ICONST_0);
                mv.visitLabel(done);
            }
        }

        private static String[] scalar(StructLayout.Kind kind) {
            switch (kind) {
                case BYTE: case BOOLEAN: return new String[] {"get", "B"};
                case SHORT: return new String[] {"getShort", "S"};
                case CHAR: return new String[] {"getChar", "C"};
                case INT: return new String[] {"getInt", "I"};
                case LONG: return new String[] {"getLong", "J"};
                default: throw new IllegalStateException(kind.toString());
            }
        }

        /** Pushes this.nested[i]. */
        private void nested(int i) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, self, "nested", NESTED);
            mv.visitLdcInsn(i);
            mv.visitInsn(AALOAD);
        }

        /** Pushes a new object of nested struct field {@code i}, read by its own reader (which checks its bounds). */
        private void readNested(int i, StructLayout.Field lf) {
            nested(i);
            mv.visitVarInsn(ALOAD, in);
            index(lf.offset());
            mv.visitMethodInsn(INVOKEINTERFACE, READER, "read", "(L" + BUFFER + ";I)Ljava/lang/Object;", true);
            mv.visitTypeInsn(CHECKCAST, Type.getInternalName(fields[i].getType()));
        }

        private void newArray(int i, StructLayout.Field lf) {
            if (lf.kind() == StructLayout.Kind.STRUCTS) {
                mv.visitLdcInsn(lf.count());
                mv.visitTypeInsn(ANEWARRAY, Type.getInternalName(fields[i].getType().getComponentType()));
                return;
            }
            if (lf.kind() == StructLayout.Kind.BYTES) {
                mv.visitLdcInsn(lf.size());
                mv.visitIntInsn(NEWARRAY, T_BYTE);
                return;
            }
            mv.visitLdcInsn(lf.count());
            switch (lf.element()) {
                case SHORT: mv.visitIntInsn(NEWARRAY, T_SHORT); break;
                case CHAR: mv.visitIntInsn(NEWARRAY, T_CHAR); break;
                case INT: mv.visitIntInsn(NEWARRAY, T_INT); break;
                default: mv.visitIntInsn(NEWARRAY, T_LONG);
            }
        }

        /** Fills the array in local {@link #array} (of the field's length) from the field's bytes. */
        private void fill(int i, StructLayout.Field lf, boolean raw) {
            if (lf.kind() == StructLayout.Kind.STRUCTS) {   // element by element, through the element's own reader
                mv.visitVarInsn(ALOAD, array);
                nested(i);
                mv.visitVarInsn(ALOAD, in);
                index(lf.offset());
                mv.visitLdcInsn(lf.nested().size());
                mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(RecordStructArrays.class), "fill",
                        "([Ljava/lang/Object;L" + READER + ";L" + BUFFER + ";II)V", false);
                return;
            }
            if (lf.kind() == StructLayout.Kind.BYTES) {
                copyBytes(lf.offset(), lf.size(), raw);
                return;
            }
            String arrayType = Type.getDescriptor(switch (lf.element()) {
                case SHORT -> short[].class;
                case CHAR -> char[].class;
                case INT -> int[].class;
                default -> long[].class;
            });
            mv.visitVarInsn(ALOAD, array);
            if (raw) {
                address(lf.offset());
                mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(RecordArrays.class), "fill", "(" + arrayType + "J)V", false);
            } else {
                mv.visitVarInsn(ALOAD, in);
                index(lf.offset());
                mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(RecordArrays.class), "fill", "(" + arrayType + "L" + BUFFER + ";I)V", false);
            }
        }

        /**
         * Copies {@code n} bytes at field offset {@code at} into the byte array in local {@link #array}: unrolled eight
         * bytes at a time for short arrays, one bulk copy for long ones.
         */
        private void copyBytes(int at, int n, boolean raw) {
            if (n > RecordBytes.UNROLLED_MAX) {
                if (raw) {
                    address(at);
                    mv.visitVarInsn(ALOAD, array);
                    mv.visitLdcInsn(n);
                    mv.visitMethodInsn(INVOKESTATIC, RAW, "copy", "(J[BI)V", false);
                } else {
                    mv.visitVarInsn(ALOAD, in);
                    index(at);
                    mv.visitVarInsn(ALOAD, array);
                    mv.visitMethodInsn(INVOKEVIRTUAL, BUFFER, "get", "(I[B)L" + BUFFER + ";", false);
                    mv.visitInsn(POP);
                }
                return;
            }
            int k = 0;
            for (; k + 8 <= n; k += 8) {
                if (raw) {
                    address(at + k);
                    mv.visitVarInsn(ALOAD, array);
                    mv.visitLdcInsn(k);
                    mv.visitMethodInsn(INVOKESTATIC, RAW, "copyLong", "(J[BI)V", false);
                } else {
                    mv.visitVarInsn(ALOAD, array);
                    mv.visitLdcInsn(k);
                    mv.visitVarInsn(ALOAD, in);
                    index(at + k);
                    mv.visitMethodInsn(INVOKEVIRTUAL, BUFFER, "getLong", "(I)J", false);
                    mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(RecordBytes.class), "putLong", "([BIJ)V", false);
                }
            }
            for (; k < n; k++) {
                mv.visitVarInsn(ALOAD, array);
                mv.visitLdcInsn(k);
                if (raw) {
                    address(at + k);
                    mv.visitMethodInsn(INVOKESTATIC, RAW, "getByte", "(J)B", false);
                } else {
                    mv.visitVarInsn(ALOAD, in);
                    index(at + k);
                    mv.visitMethodInsn(INVOKEVIRTUAL, BUFFER, "get", "(I)B", false);
                }
                mv.visitInsn(BASTORE);
            }
        }

        /** Pushes {@code offset + at}. */
        private void index(int at) {
            mv.visitVarInsn(ILOAD, offset);
            if (at != 0) {
                mv.visitLdcInsn(at);
                mv.visitInsn(IADD);
            }
        }

        /** Pushes {@code address + at}. */
        private void address(int at) {
            mv.visitVarInsn(LLOAD, address);
            if (at != 0) {
                mv.visitLdcInsn((long) at);
                mv.visitInsn(LADD);
            }
        }
    }
}
