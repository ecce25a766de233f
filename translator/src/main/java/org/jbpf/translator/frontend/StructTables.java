package org.jbpf.translator.frontend;

import java.util.List;
import org.jbpf.core.layout.StructLayout;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A static final table of {@code @Struct} objects or records ({@code static final Range[] RANGES = {new Range(0, 10),
 * ..}}) as the bytes a read-only global holds: each element made with constant arguments by a constructor that
 * assigns each number field at most once a parameter or a constant (a record's canonical constructor does), laid out
 * as C lays out an array of the struct. A table whose elements are not all known so (a computed argument, a struct
 * with array or struct fields, an element left null) has no bytes, and a program that reads it is refused.
 */
public final class StructTables {
    private StructTables() {}

    /** A table {@code <clinit>} fills, as it fills it: each element's bytes, or null while it is not set. */
    public static final class Table {
        final ValueType.Struct element;
        final byte[][] elements;

        Table(ValueType.Struct element, int length) {
            this.element = element;
            this.elements = new byte[length][];
        }

        /** Stores the bytes of element k; false when k is outside the table or the element is not known. */
        boolean set(int k, Element e) {
            if (k < 0 || k >= elements.length || e == null || !e.type.equals(element.internalName())) return false;
            elements[k] = e.bytes;
            return true;
        }

        /** The table's bytes, elements one after another; null when an element was never set. */
        byte[] bytes() {
            int size = element.size();
            byte[] out = new byte[size * elements.length];
            for (int k = 0; k < elements.length; k++) {
                if (elements[k] == null) return null;
                System.arraycopy(elements[k], 0, out, k * size, size);
            }
            return out;
        }
    }

    /** One struct made with constants: its bytes. */
    record Element(String type, byte[] bytes) {}

    /**
     * The bytes of a {@code new type(args)} whose constructor {@code desc} gives each number field a constant, or null
     * when it does not (an argument not constant, a field of arrays or structs, a constructor that computes).
     */
    static Element construct(StructRegistry structs, ValueType.Struct type, String desc, Object[] args) {
        ClassNode cn = structs.read(type.internalName());
        MethodNode init = cn == null ? null : EnumFields.method(cn, "<init>", desc);
        if (init == null) return null;
        List<Long> values = new java.util.ArrayList<>();
        for (Object a : args) {
            if (!(a instanceof Integer || a instanceof Long)) return null;
            values.add(((Number) a).longValue());
        }
        for (AbstractInsnNode in = init.instructions.getFirst(); in != null; in = in.getNext())
            if (in.getOpcode() == Opcodes.INVOKEVIRTUAL || in.getOpcode() == Opcodes.INVOKESTATIC || in.getOpcode() == Opcodes.INVOKEINTERFACE)
                return null;   // a constructor that calls methods computes
        byte[] bytes = new byte[type.size()];
        for (StructLayout.Field f : type.layout().fields()) {
            // numbers only: a program could write through a nested struct or array, where read-only data cannot be
            if (!f.kind().scalar()) return null;
            if (!assigns(init, f.name())) continue;   // left 0, as Java leaves it
            Long v = EnumFields.assigned(init, f.name(), values, Type.getArgumentTypes(desc).length);
            if (v == null) return null;
            long n = EnumFields.narrow(v, descriptor(f.kind()));
            for (int k = 0; k < f.kind().size; k++) bytes[f.offset() + k] = (byte) (n >>> (8 * k));
        }
        return new Element(type.internalName(), bytes);
    }

    private static boolean assigns(MethodNode init, String field) {
        for (AbstractInsnNode in = init.instructions.getFirst(); in != null; in = in.getNext())
            if (in instanceof FieldInsnNode put && put.getOpcode() == Opcodes.PUTFIELD && put.name.equals(field)) return true;
        return false;
    }

    private static String descriptor(StructLayout.Kind k) {
        switch (k) {
            case BYTE: return "B";
            case BOOLEAN: return "Z";
            case SHORT: return "S";
            case CHAR: return "C";
            case INT: return "I";
            default: return "J";
        }
    }
}
