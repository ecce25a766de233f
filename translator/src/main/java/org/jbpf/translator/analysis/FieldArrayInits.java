package org.jbpf.translator.analysis;

import static org.objectweb.asm.Opcodes.*;

import org.jbpf.core.layout.StructLayout;
import org.jbpf.translator.frontend.StructRegistry;
import org.jbpf.translator.frontend.ValueType;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * A new array stored straight into a {@code @Size(n)} array field of a struct ({@code @Size(4) Slot[] slots = new
 * Slot[4]}, a field initialiser, or {@code t.counts = new long[8]}): a struct holds its arrays in place, so the new array
 * is the field itself, zeroed, rather than a local array on the stack copied into the field. This keeps a struct
 * whose initialisers make its arrays within the stack a struct alone needs.
 */
public final class FieldArrayInits {
    private FieldArrayInits() {}

    /** The origin of the pointer such a new array is: the field, which the store then leaves as it is. */
    public static final String ORIGIN = "a new array in place of field ";

    /**
     * Steps a NEWARRAY or ANEWARRAY at i whose length matches the field the next instruction stores it into: pushes a
     * pointer to that field; false (nothing stepped) for any other array creation.
     */
    static boolean step(MethodAnalysis a, int i, AbstractInsnNode in, Frame f, StructRegistry structs) {
        StructLayout.Field field = target(in, f.peek(1), f.peek(0));
        if (field == null) return false;
        f.pop();
        ValueType t;
        switch (field.kind()) {
            case BYTES: t = new ValueType.Bytes(field.count()); break;
            case ARRAY: t = new ValueType.PrimArray(field.element(), field.count()); break;
            default: t = new ValueType.StructArray(structs.struct(((TypeInsnNode) in).desc), field.count(), false);
        }
        f.push(new Value.Ptr(t, false, a.site(i), ORIGIN + field.name(), false));
        return true;
    }

    /** The field a new array made by {@code in} goes into in place, given the object under the length and the length; or null. */
    public static StructLayout.Field target(AbstractInsnNode in, Value obj, Value length) {
        AbstractInsnNode next = in.getNext();
        while (next != null && next.getOpcode() < 0) next = next.getNext();
        if (!(next instanceof FieldInsnNode fi) || fi.getOpcode() != PUTFIELD) return null;
        ValueType held = obj instanceof Value.StackObj so ? so.type() : obj instanceof Value.Ptr p && !p.nullable() ? p.target() : null;
        if (!(held instanceof ValueType.Struct s) || !s.internalName().equals(fi.owner)) return null;
        StructLayout.Field field = s.layout().field(fi.name);
        if (field == null || !(length instanceof Value.Scalar n) || n.constant() == null || n.constant() != field.count()) return null;
        String made = in.getOpcode() == ANEWARRAY ? "[L" + ((TypeInsnNode) in).desc + ";" : newArrayDescriptor(((IntInsnNode) in).operand);
        return made.equals(fi.desc) && (field.kind() == StructLayout.Kind.BYTES || field.kind() == StructLayout.Kind.ARRAY
                || field.kind() == StructLayout.Kind.STRUCTS) ? field : null;
    }

    private static String newArrayDescriptor(int type) {
        switch (type) {
            case T_BYTE: return "[B";
            case T_SHORT: return "[S";
            case T_CHAR: return "[C";
            case T_INT: return "[I";
            case T_LONG: return "[J";
            default: return "";
        }
    }

    /** True for a pointer made by {@link #step}: storing it into its field changes nothing. */
    public static boolean inPlace(Value v) { return v instanceof Value.Ptr p && p.origin().startsWith(ORIGIN); }

}
