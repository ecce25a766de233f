package org.jbpf.translator.analysis;

import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;

import org.jbpf.translator.frontend.ValueType;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Calls on a box made through {@code Number}, {@code Comparable} or {@code Object}, as a generic helper writes them
 * ({@code <T extends Comparable<T>> T larger(T x, T y)}, {@code <T extends Number> long total(T x)}): the box's class is
 * known to the analysis, so the call is the box class's own method, which the JVM's dispatch would pick.
 */
final class BoxDispatch {
    private BoxDispatch() {}

    /** The call of the box class's method that {@code mi} makes on {@code receiver}, or null when it is no such call. */
    static MethodInsnNode retarget(MethodInsnNode mi, Value receiver) {
        if (mi.getOpcode() == INVOKESTATIC) return null;
        ValueType.Prim held = receiver instanceof Value.Boxed b ? b.type()
                : receiver instanceof Value.Ptr p && p.target() instanceof ValueType.Prim pr ? pr : null;
        String box = held == null ? "?" : ValueChecks.boxedName(held);
        if (box.equals("?")) return null;
        boolean number = mi.owner.equals("java/lang/Number") && mi.name.endsWith("Value") && !box.equals("java/lang/Character");
        boolean comparable = mi.owner.equals("java/lang/Comparable") && mi.name.equals("compareTo");
        boolean object = mi.owner.equals("java/lang/Object") && (mi.name.equals("equals") || mi.name.equals("hashCode"));
        if (!number && !comparable && !object) return null;
        return new MethodInsnNode(INVOKEVIRTUAL, box, mi.name, comparable ? "(L" + box + ";)I" : mi.desc, false);
    }
}
