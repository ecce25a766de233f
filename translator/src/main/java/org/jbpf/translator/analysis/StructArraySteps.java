package org.jbpf.translator.analysis;

import static org.objectweb.asm.Opcodes.*;

import org.jbpf.translator.frontend.StructRegistry;
import org.jbpf.translator.frontend.ValueType;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The analysis of local arrays of {@code @Struct} objects ({@code new Slot[4]}): the array is made on the BPF stack
 * with every element in place (zeroed), an element read is a pointer to it, and an element store takes only a struct
 * made in the same statement ({@code a[i] = new Slot()}), which is then the element as in Java: a struct stored from
 * a variable would be a copy in place where Java shares one object, so that is refused. Any other array of objects is
 * left to {@link ArraySteps}.
 */
final class StructArraySteps {
    private StructArraySteps() {}

    /** How the origin of a pointer to an element starts. */
    static final String ELEMENT = "an element of ";

    /** Steps {@code in} when it makes, reads or writes a local struct array; false when it does not. */
    static boolean step(MethodAnalysis a, int i, AbstractInsnNode in, int op, Frame f, StructRegistry structs) {
        switch (op) {
            case ANEWARRAY: {
                String desc = ((TypeInsnNode) in).desc;
                ValueType.Struct element = desc.startsWith("[") ? null : structs.struct(desc);
                if (element == null) return false;
                Value len = f.pop();
                int most = ArraySteps.MAX_LOCAL_ARRAY / element.size() - 1;
                if (!(len instanceof Value.Scalar s) || s.constant() == null || s.constant() <= 0 || s.constant() > most)
                    throw a.error(i, "a local array of @Struct " + element.javaName() + " needs a constant length from 1 to " + Math.max(most, 0)
                            + " (its elements and one spare element may take at most " + ArraySteps.MAX_LOCAL_ARRAY
                            + " of the 512 bytes of BPF stack); keep more of them in an ArrayMap");
                f.push(new Value.StackObj(new ValueType.StructArray(element, (int) (long) s.constant()), (int) (a.site(i) & 0x7fffffff)));
                return true;
            }
            case AALOAD: {
                ValueType.StructArray t = structArray(a, i, f.peek(1));
                if (t == null) return false;
                Value idx = f.pop();
                Value arr = f.pop();
                checkIndex(a, i, idx, t);
                f.push(new Value.Ptr(t.element(), false, a.site(i), ELEMENT + arr.describe(), false));
                return true;
            }
            case AASTORE: {
                ValueType.StructArray t = structArray(a, i, f.peek(2));
                if (t == null) return false;
                if (f.peek(2) instanceof Value.Ptr p && p.origin().contains(Value.READ_ONLY_TABLE))
                    throw a.error(i, "cannot replace an element of static final table " + FieldSteps.tableName(p.origin())
                            + ": the table is read-only data in BPF programs; keep changing structs in a local array or an ArrayMap");
                Value v = f.pop();
                Value idx = f.pop();
                f.pop();
                if (v instanceof Value.Null)
                    throw a.error(i, "cannot store null into an element of " + named(t) + ": its elements always exist "
                            + "in a BPF program; set the fields of the element instead");
                ValueType held = v instanceof Value.StackObj so ? so.type() : v instanceof Value.Ptr p && !p.nullable() ? p.target() : null;
                if (!t.element().equals(held))
                    throw a.error(i, "cannot store " + v.describe() + " into an element of " + named(t)
                            + "; store a " + t.element().javaName() + " (it is copied into place)");
                if (!constructedJustBefore(in, t.element().internalName()))
                    throw a.error(i, "an element of " + named(t) + " can only be assigned a new " + t.element().javaName()
                            + "(..) made in the same statement: the array holds its structs in place, so storing one from a variable "
                            + "would copy it, where Java shares the object; set the element's fields instead (e.g. a[i].count = s.count)");
                checkNoElementHeld(a, i, f, t);
                checkIndex(a, i, idx, t);
                a.replacedElements.add(t.element().internalName());
                return true;
            }
            default: return false;
        }
    }

    /** A struct array for messages: {@code a local Slot[4]} or {@code a Slot[4] field}. */
    private static String named(ValueType.StructArray t) { return t.spare() ? "a local " + t.javaName() : "a " + t.javaName() + " field"; }

    /** True when the instruction before {@code store} is the constructor call of a {@code new owner(..)}: {@code a[i] = new T(..)}. */
    private static boolean constructedJustBefore(AbstractInsnNode store, String owner) {
        AbstractInsnNode n = store.getPrevious();
        while (n != null && n.getOpcode() < 0) n = n.getPrevious();
        return n instanceof MethodInsnNode mi && mi.getOpcode() == INVOKESPECIAL && mi.name.equals("<init>") && mi.owner.equals(owner);
    }

    /**
     * Refuses replacing an element while a variable in scope refers to an element of that type: in Java the variable
     * keeps the old object, here the element is reused in place.
     */
    private static void checkNoElementHeld(MethodAnalysis a, int i, Frame f, ValueType.StructArray t) {
        String held = null;
        for (int v = 0; v < f.locals.length && held == null; v++)
            if (f.locals[v] instanceof Value.Ptr p && p.origin().startsWith(ELEMENT) && p.target().equals(t.element()) && inScope(a, i, v))
                held = "variable " + name(a, i, v);
        if (held == null) held = a.heldByCallers.get(t.element().internalName());
        if (held == null) return;
        throw a.error(i, "this replaces an element of " + named(t) + " while " + held + " refers to "
                + "one: in Java it would keep the old " + t.element().javaName() + ", but the array holds its structs in place; "
                + "copy the fields you need from it first, or set the element's fields instead of replacing it");
    }

    /**
     * Refuses a call to BPF function {@code function} that replaces elements of a type a variable in scope refers to:
     * the function is analysed once for every caller, so the check is made here, at the call.
     */
    static void checkCall(MethodAnalysis a, int i, Frame f, Subprogram function, String name) {
        if (function.body.replacedElements.isEmpty()) return;
        java.util.Map<String, String> held = heldElements(a, i, f);
        for (String element : function.body.replacedElements) {
            String who = held.get(element);
            if (who == null) continue;
            throw a.error(i, name + " replaces elements of an array of " + StructRegistry.simple(element) + " while " + who
                    + " refers to one: in Java it would keep the old " + StructRegistry.simple(element) + ", but the array holds its "
                    + "structs in place; copy the fields you need from it before the call, or set the element's fields instead of replacing it");
        }
    }

    /**
     * The variables that refer to a struct array element at call i, by element type, to be checked in the inlined
     * callee: the caller's own (named with their line) and those its callers hold.
     */
    static java.util.Map<String, String> heldElements(MethodAnalysis a, int i, Frame f) {
        if (a.heldByCallers.isEmpty() && !holdsElement(f)) return java.util.Map.of();
        java.util.Map<String, String> held = new java.util.LinkedHashMap<>(a.heldByCallers);
        for (int v = 0; v < f.locals.length; v++)
            if (f.locals[v] instanceof Value.Ptr p && p.origin().startsWith(ELEMENT) && p.target() instanceof ValueType.Struct s && inScope(a, i, v))
                held.putIfAbsent(s.internalName(), "variable " + name(a, i, v) + " (held across the call at " + a.position(i) + ")");
        return held;
    }

    private static boolean holdsElement(Frame f) {
        for (Value v : f.locals) if (v instanceof Value.Ptr p && p.origin().startsWith(ELEMENT)) return true;
        return false;
    }

    /** True when local {@code v} is in scope at instruction i (always, in a class compiled without -g). */
    private static boolean inScope(MethodAnalysis a, int i, int v) {
        if (a.method.localVariables == null || a.method.localVariables.isEmpty()) return true;
        for (var lv : a.method.localVariables)
            if (lv.index == v && a.method.instructions.indexOf(lv.start) <= i && i < a.method.instructions.indexOf(lv.end)) return true;
        return false;
    }

    private static String name(MethodAnalysis a, int i, int v) {
        if (a.method.localVariables != null)
            for (var lv : a.method.localVariables)
                if (lv.index == v && a.method.instructions.indexOf(lv.start) <= i && i < a.method.instructions.indexOf(lv.end)) return lv.name;
        return "#" + v;
    }

    /** The struct array {@code arr} holds, or null when it is no struct array. */
    private static ValueType.StructArray structArray(MethodAnalysis a, int i, Value arr) {
        ValueType t = arr instanceof Value.StackObj so ? so.type() : arr instanceof Value.Ptr p ? p.target() : null;
        if (!(t instanceof ValueType.StructArray s)) return null;
        if (arr instanceof Value.Ptr p && p.nullable()) throw a.error(i, p.origin() + " may be null here; test it against null first");
        return s;
    }

    /** A variable index is checked where it is used (StructArrayLowering); a constant one out of range is refused. */
    private static void checkIndex(MethodAnalysis a, int i, Value idx, ValueType.StructArray t) {
        if (!(idx instanceof Value.Scalar s)) throw a.error(i, "array index must be an int, not " + idx.describe());
        a.constantFault(i, s.constant() != null && (s.constant() < 0 || s.constant() >= t.length())
                ? "array index " + s.constant() + " is out of bounds for length " + t.length() : null);
    }
}
