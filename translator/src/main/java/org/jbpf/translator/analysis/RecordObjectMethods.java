package org.jbpf.translator.analysis;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.translator.frontend.StructRegistry;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The refusal of a record's {@code equals}, {@code hashCode} or {@code toString} that javac generated (an
 * invokedynamic of {@code ObjectMethods}), with what to write instead. For {@code equals} that is the comparison
 * spelled out: numbers with {@code ==}, a struct component through its own numbers, and an array component element by
 * element, since {@code ==} on an array or struct compares references in Java and Arrays.equals does not translate.
 */
final class RecordObjectMethods {
    private RecordObjectMethods() {}

    /** Struct components nested deeper than this are named as a whole instead of spelled out. */
    private static final int MAX_DEPTH = 3;

    /** Why {@code target}, a method of {@code owner}, cannot be called; null when javac did not generate it. */
    static String refusal(StructRegistry structs, ClassNode owner, MethodNode target) {
        boolean generated = false;
        for (AbstractInsnNode in : target.instructions)
            if (in instanceof InvokeDynamicInsnNode indy && "java/lang/runtime/ObjectMethods".equals(indy.bsm.getOwner())) generated = true;
        if (!generated) return null;
        String instead = target.name.equals("equals") ? equalsAdvice(structs, owner)
                : target.name.equals("hashCode") ? "combine its components yourself instead (e.g. 31 * x + y)"
                : "strings do not exist in BPF programs; send the components to Java in a map or ring record";
        return target.name + " of record " + StructRegistry.simple(owner.name) + " is made by javac with an invokedynamic of "
                + "ObjectMethods, which a BPF program cannot run; " + instead;
    }

    /** The comparison to write: numbers with ==, then the arrays to compare element by element in a loop. */
    private static String equalsAdvice(StructRegistry structs, ClassNode owner) {
        List<String> numbers = new ArrayList<>(), arrays = new ArrayList<>();
        collect(structs, owner, "", numbers, arrays, 0);
        StringBuilder sb = new StringBuilder("compare its components instead (");
        for (int k = 0; k < numbers.size(); k++)
            sb.append(k > 0 ? " && " : "").append("a").append(numbers.get(k)).append(" == b").append(numbers.get(k));
        if (!arrays.isEmpty()) {
            sb.append(numbers.isEmpty() ? "" : ", and ").append("the elements of ");
            for (int k = 0; k < arrays.size(); k++)
                sb.append(k == 0 ? "" : k == arrays.size() - 1 ? " and of " : ", of ")
                  .append('a').append(arrays.get(k)).append(" and b").append(arrays.get(k));
            sb.append(" one by one in a loop, since == on an array compares references and Arrays.equals does not translate");
        }
        return sb.append(")").toString();
    }

    /**
     * Adds the access paths below {@code path} ({@code .pid()}, {@code .where().x}) of {@code cls}'s number
     * components to {@code numbers} and of its array components to {@code arrays}, going into struct components.
     */
    private static void collect(StructRegistry structs, ClassNode cls, String path, List<String> numbers, List<String> arrays, int depth) {
        boolean record = cls.recordComponents != null;
        List<String[]> parts = new ArrayList<>();
        if (record) for (var rc : cls.recordComponents) parts.add(new String[] {rc.name + "()", rc.descriptor});
        else for (FieldNode fn : cls.fields) if ((fn.access & Opcodes.ACC_STATIC) == 0) parts.add(new String[] {fn.name, fn.desc});
        for (String[] part : parts) {
            String at = path + "." + part[0];
            Type t = Type.getType(part[1]);
            ClassNode nested = t.getSort() == Type.OBJECT && depth < MAX_DEPTH && structs.isStruct(t.getInternalName()) ? structs.read(t.getInternalName()) : null;
            if (t.getSort() == Type.ARRAY) arrays.add(at);
            else if (nested != null) collect(structs, nested, at, numbers, arrays, depth + 1);
            else numbers.add(at);
        }
    }
}
