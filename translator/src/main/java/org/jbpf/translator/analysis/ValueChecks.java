package org.jbpf.translator.analysis;

import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import java.util.Map;
import org.jbpf.core.layout.StructLayout;
import org.jbpf.translator.frontend.StructRegistry;
import org.jbpf.translator.frontend.ValueType;
import org.objectweb.asm.tree.FieldInsnNode;

/**
 * What the analysis requires of a value before an instruction uses it: a number, a struct with the accessed field, a
 * array with a constant index in bounds, a cast that holds. Each failure is an error at the instruction's line.
 */
final class ValueChecks {
    private ValueChecks() {}

    static String localName(MethodAnalysis a, int i, int var) {
        if (a.method.localVariables == null) return "#" + var;
        String first = null;
        for (var lv : a.method.localVariables) {
            if (lv.index != var) continue;
            // javac gives a slot to one variable after another (a loop's counter, then a header): name the one in scope at i
            if (a.method.instructions.indexOf(lv.start) <= i && i < a.method.instructions.indexOf(lv.end)) return lv.name;
            if (first == null) first = lv.name;
        }
        return first != null ? first : "#" + var;
    }

    static void scalar(MethodAnalysis a, int i, Value v) {
        if (v instanceof Value.Scalar) return;
        throw a.error(i, "expected a number here but found " + v.describe());
    }

    static ValueType.Struct structOf(MethodAnalysis a, int i, Value obj, FieldInsnNode fi, String verb) {
        ValueType t;
        if (obj instanceof Value.StackObj so) t = so.type();
        else if (obj instanceof Value.Ptr p) {
            if (p.nullable())
                throw a.error(i, p.origin() + " may be null here; test it against null before you " + verb + " ." + fi.name);
            t = p.target();
        } else if (obj instanceof Value.Scalar) {
            // an enum value is its ordinal, and a field of it holds nothing a program could read
            throw a.error(i, "cannot " + verb + " field " + fi.name + " of enum " + StructRegistry.simple(fi.owner) + " in a BPF program, "
                    + "where an enum value is its ordinal; " + (verb.equals("read") ? "only final number fields that each constant's "
                    + "constructor sets from constant arguments are known there (LOW(1), HIGH(5)); otherwise compute" : "compute")
                    + " the value from the enum with a switch (or index a static byte[] table with ordinal())");
        } else throw a.error(i, "cannot " + verb + " field " + fi.name + " of " + obj.describe());
        if (!(t instanceof ValueType.Struct s) || !s.internalName().equals(fi.owner))
            throw a.error(i, "field " + fi.owner.replace('/', '.') + "." + fi.name + " accessed on " + obj.describe());
        if (s.layout().field(fi.name) == null) throw a.error(i, "no field " + fi.name + " in @Struct " + s.javaName());
        return s;
    }

    /** The array type (byte[] or a primitive array) of {@code arr}; its length is known at translation time. */
    static ValueType arrayOf(MethodAnalysis a, int i, Value arr) {
        ValueType t = arr instanceof Value.StackObj so ? so.type() : arr instanceof Value.Ptr p ? p.target() : null;
        if (arr instanceof Value.Ptr p && p.nullable()) throw a.error(i, p.origin() + " may be null here; test it against null first");
        if (ValueType.lengthOf(t) < 0) throw a.error(i, "expected an array but found " + arr.describe());
        return t;
    }

    /** The element kind each array load or store opcode works on. */
    private static StructLayout.Kind elementOfOpcode(int op) {
        switch (op) {
            case BALOAD: case BASTORE: return StructLayout.Kind.BYTE;
            case SALOAD: case SASTORE: return StructLayout.Kind.SHORT;
            case CALOAD: case CASTORE: return StructLayout.Kind.CHAR;
            case IALOAD: case IASTORE: return StructLayout.Kind.INT;
            default: return StructLayout.Kind.LONG;
        }
    }

    static void checkArray(MethodAnalysis a, int i, Value arr, Value idx, int op) {
        ValueType t = arrayOf(a, i, arr);
        if (ValueType.elementOf(t) != elementOfOpcode(op))
            throw a.error(i, "array access of the wrong element type on " + t.javaName() + "; the class file is damaged: recompile it with javac");
        int length = ValueType.lengthOf(t);
        if (!(idx instanceof Value.Scalar s)) throw a.error(i, "array index must be an int, not " + idx.describe());
        // a variable index is checked against the length where it is used (MemoryLowering)
        a.constantFault(i, s.constant() != null && (s.constant() < 0 || s.constant() >= length)
                ? "array index " + s.constant() + " is out of bounds for length " + length : null);
    }

    /**
     * Refuses what throws in Java on constants (an index out of range, a division by zero) in {@code a}, in the bodies
     * inlined into it and in its BPF functions, as the fixpoint left them.
     */
    static void checkConstantFaults(MethodAnalysis a, List<Subprogram> functions) {
        checkConstantFaults(a);
        for (Subprogram f : functions) checkConstantFaults(f.body);
    }

    private static void checkConstantFaults(MethodAnalysis a) {
        for (Map.Entry<Integer, String> e : a.constantFaults.entrySet())
            if (a.frames[e.getKey()] != null) throw a.error(e.getKey(), e.getValue());
        for (MethodAnalysis callee : a.callees.values()) checkConstantFaults(callee);
    }

    /**
     * An assignment to an array or struct field copies the value into the field, which is held in place: the value must
     * be an array of the same type and length or a struct of the same class.
     */
    static void checkCopy(MethodAnalysis a, int i, ValueType.Struct s, FieldInsnNode fi, StructLayout.Field field, Value v) {
        ValueType t = v instanceof Value.StackObj so ? so.type() : v instanceof Value.Ptr p ? p.target() : null;
        if (v instanceof Value.Ptr p && p.nullable())
            throw a.error(i, p.origin() + " may be null here; test it against null before you copy it into " + s.javaName() + "." + fi.name);
        boolean same;
        switch (field.kind()) {
            case BYTES: same = t instanceof ValueType.Bytes b && b.length() == field.count(); break;
            case ARRAY: same = t instanceof ValueType.PrimArray pa && pa.element() == field.element() && pa.length() == field.count(); break;
            case STRUCTS: same = t instanceof ValueType.StructArray sa && sa.element().layout() == field.nested() && sa.length() == field.count(); break;
            default: same = t instanceof ValueType.Struct st && st.layout() == field.nested();
        }
        // a new array made in place of the field (FieldArrayInits) is the field itself; any other held array is another's
        if (same && field.kind() != StructLayout.Kind.STRUCT && v instanceof Value.Ptr p && !p.origin().startsWith(FieldArrayInits.ORIGIN))
            throw a.error(i, "this stores the array of " + p.origin() + " into field " + s.javaName() + "." + fi.name + ": Java "
                    + "would then share one array between them, but a struct holds its arrays in place, so here the elements "
                    + "would be copied; copy them explicitly with " + (field.kind() == StructLayout.Kind.STRUCTS
                            ? "a loop over each element's fields" : "System.arraycopy")
                    + " if a copy is what you mean, or keep using the one array where it is");
        if (!same)
            throw a.error(i, "cannot assign " + v.describe() + " to " + s.javaName() + "." + fi.name + ", which holds "
                    + (field.kind() == StructLayout.Kind.STRUCT ? "a " + field.nested().name() : "exactly " + field.count() + " elements")
                    + " in place; assign a value of that type (it is copied), or set its elements or fields one by one");
    }

    static void checkCast(MethodAnalysis a, int i, Value v, String t, StructRegistry structs) {
        if (v instanceof Value.Null) return;
        ValueType exact = v instanceof Value.StackObj so ? so.type() : v instanceof Value.Ptr p ? p.target() : null;
        // a struct is also an instance of the interfaces its class implements (a sealed interface of a pattern switch)
        if (exact instanceof ValueType.Struct s && StructDispatch.applies(structs, s.internalName(), t)) return;
        if (v instanceof Value.Ptr p) {
            if (p.target() instanceof ValueType.Struct s && s.internalName().equals(t)) return;
            if (p.target() instanceof ValueType.Prim pr && boxedName(pr).equals(t)) return;
            if (p.target() instanceof ValueType.Bytes && t.equals("[B")) return;
            if (p.target() instanceof ValueType.PrimArray pa && pa.element() == StructLayout.Kind.elementOf(t)) return;
        }
        if (v instanceof Value.Boxed b && boxedName(b.type()).equals(t)) return;
        if (v instanceof Value.StackObj so && so.type() instanceof ValueType.Struct s && s.internalName().equals(t)) return;
        if (v instanceof Value.StackObj so && (so.type() instanceof ValueType.Bytes && t.equals("[B")
                || so.type() instanceof ValueType.PrimArray pa && pa.element() == StructLayout.Kind.elementOf(t))) return;
        if (v instanceof Value.CtxView cv && cv.type().internalName().equals(t)) return;
        if (v instanceof Value.KernelRef k && k.internalName().equals(t)) return;
        if (v instanceof Value.Ctx c && c.internalName().equals(t)) return;
        ValueType held = v instanceof Value.StackObj so ? so.type() : v instanceof Value.Ptr p ? p.target() : null;
        if (held instanceof ValueType.StructArray sa && t.equals("[L" + sa.element().internalName() + ";")) return;
        if (t.equals("java/lang/Object")) return;
        throw a.error(i, "cannot cast " + v.describe() + " to " + t.replace('/', '.'));
    }

    /** True when class {@code sub} extends {@code sup}, directly or through its superclasses. */
    private static boolean extendsClass(StructRegistry structs, String sub, String sup) {
        for (int depth = 0; sub != null && depth < 16; depth++) {
            if (sub.equals(sup)) return true;
            org.objectweb.asm.tree.ClassNode node = structs.read(sub);
            sub = node != null ? node.superName : null;
        }
        return false;
    }

    /**
     * What {@code v instanceof t} gives, known at translation since every value's class is: 1 or 0, or null for a
     * possibly null pointer of that class (then the test is its null test). Refused where only a class hierarchy
     * could answer (an interface or superclass other than Object); another @Struct class than the value's is false.
     */
    static Long instanceOf(MethodAnalysis a, int i, Value v, String t, StructRegistry structs) {
        if (v instanceof Value.Null) return 0L;
        ValueType held = v instanceof Value.StackObj so ? so.type() : v instanceof Value.Ptr p ? p.target() : null;
        // a struct is exactly the class it was made as, so it is no instance of another @Struct class (nor is null)
        if (held instanceof ValueType.Struct s && !s.internalName().equals(t) && structs.isStruct(t) && !extendsClass(structs, s.internalName(), t))
            return 0L;
        if (held instanceof ValueType.Struct s && !StructDispatch.applies(structs, s.internalName(), t) && structs.read(t) != null
                && !extendsClass(structs, s.internalName(), t))
            return 0L;   // an interface of the project the struct's class does not implement
        if (v instanceof Value.Boxed b && t.startsWith("java/lang/"))   // a box is exactly its class, and a Number and Comparable
            return boxedName(b.type()).equals(t) || List.of("java/lang/Object", "java/lang/Number", "java/lang/Comparable").contains(t) ? 1L : 0L;
        try {
            checkCast(a, i, v, t, structs);
        } catch (org.jbpf.translator.TranslationException e) {
            throw a.error(i, "instanceof " + t.replace('/', '.') + " on " + v.describe() + " cannot be decided in a BPF program, "
                    + "where a value's class is known at translation only as its own class; test for that class (or drop the test)");
        }
        return v instanceof Value.Ptr p && p.nullable() ? null : 1L;
    }

    static String boxedName(ValueType.Prim p) {
        switch (p.kind()) {
            case INT: return "java/lang/Integer";
            case LONG: return "java/lang/Long";
            case SHORT: return "java/lang/Short";
            case BYTE: return "java/lang/Byte";
            case CHAR: return "java/lang/Character";
            default: return "?";
        }
    }

    /**
     * Why {@code new} of the non-@Struct class {@code internalName} cannot be translated, and what to write instead;
     * {@code concatBuilders} when the class is compiled for Java 8, whose javac makes a StringBuilder of every concatenation.
     */
    static String cannotCreate(String internalName, boolean concatBuilders) {
        String name = internalName.replace('/', '.');
        if (internalName.equals("java/lang/StringBuilder") && concatBuilders)
            return "cannot create a " + name + " in a BPF program; a printk(\"text \" + value) compiled for Java 8 is one: "
                    + "compile it with --release 9 or later, where the concatenation becomes a printk format; otherwise, "
                    + JavaText.ADVICE;
        if (internalName.equals("java/lang/String") || internalName.equals("java/lang/StringBuilder"))
            return "cannot create a " + name + " in a BPF program: " + JavaText.ADVICE;
        if (internalName.matches(".*\\$[0-9]+"))
            return "cannot create the anonymous class " + name + " in a BPF program, which has no virtual calls; "
                    + "write its method as a static method and call it directly";
        if (internalName.endsWith("Exception") || internalName.endsWith("Error"))
            return "cannot create a " + name + " in a BPF program, which cannot throw; return early with an error code "
                    + "(or count the failure in a map) instead";
        if (!internalName.startsWith("java/") && !internalName.startsWith("javax/"))
            return "cannot create a " + name + " in a BPF program; only @Struct classes can be created with new: annotate "
                    + name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1) + " with @Struct (its fields are then kept on the BPF stack and its methods inlined)";
        return "cannot create a " + name + " in a BPF program; only @Struct classes can be created with new: keep data in "
                + "local primitive arrays, @Struct objects or maps";
    }
}
