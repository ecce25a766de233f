package org.jbpf.translator.analysis;

import static org.objectweb.asm.Opcodes.ACC_ABSTRACT;
import static org.objectweb.asm.Opcodes.ACC_STATIC;

import org.jbpf.translator.frontend.StructRegistry;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The method an instance call on a struct runs. A struct value always has its exact class known to the analysis (it
 * is made with new or read from a map of that class), so a call through an interface it implements, or through Object,
 * is resolved as the JVM would: the class's own method, else a default method of one of its interfaces.
 */
final class StructDispatch {
    private StructDispatch() {}

    /** Interfaces followed from a struct class: enough for any hierarchy a probe writes, and a bound on cycles in damaged classes. */
    private static final int MAX_DEPTH = 8;

    /** True when a call declared on {@code owner} can run on a struct of class {@code struct}. */
    static boolean applies(StructRegistry structs, String struct, String owner) {
        return struct.equals(owner) || owner.equals("java/lang/Object") || owner.equals("java/lang/Record")
                || implementsInterface(structs, structs.read(struct), owner, 0);
    }

    /**
     * {@code mi} with the class whose method runs on a struct of class {@code struct} as its owner, or {@code mi}
     * itself when no class of the project declares one (the caller then refuses the call with its usual message).
     */
    static MethodInsnNode resolve(StructRegistry structs, String struct, MethodInsnNode mi) {
        ClassNode cls = structs.read(struct);
        if (cls == null) return mi;
        if (declares(cls, mi)) return retarget(mi, cls.name);
        ClassNode withDefault = defaultMethod(structs, cls, mi, 0);
        return withDefault == null ? mi : retarget(mi, withDefault.name);
    }

    private static MethodInsnNode retarget(MethodInsnNode mi, String owner) {
        return owner.equals(mi.owner) ? mi : new MethodInsnNode(mi.getOpcode(), owner, mi.name, mi.desc, mi.itf);
    }

    private static boolean declares(ClassNode cls, MethodInsnNode mi) {
        for (MethodNode m : cls.methods)
            if (m.name.equals(mi.name) && m.desc.equals(mi.desc) && (m.access & (ACC_STATIC | ACC_ABSTRACT)) == 0) return true;
        return false;
    }

    /** The interface of {@code cls} (searched depth first) with a default method for {@code mi}, or null. */
    private static ClassNode defaultMethod(StructRegistry structs, ClassNode cls, MethodInsnNode mi, int depth) {
        if (cls == null || depth > MAX_DEPTH) return null;
        for (String name : cls.interfaces) {
            ClassNode itf = structs.read(name);
            if (itf == null) continue;
            if (declares(itf, mi)) return itf;
            ClassNode deeper = defaultMethod(structs, itf, mi, depth + 1);
            if (deeper != null) return deeper;
        }
        return null;
    }

    private static boolean implementsInterface(StructRegistry structs, ClassNode cls, String itf, int depth) {
        if (cls == null || depth > MAX_DEPTH) return false;
        for (String name : cls.interfaces)
            if (name.equals(itf) || implementsInterface(structs, structs.read(name), itf, depth + 1)) return true;
        return false;
    }
}
