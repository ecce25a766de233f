package org.jbpf.translator.analysis;

import static org.objectweb.asm.Opcodes.ACC_ENUM;
import static org.objectweb.asm.Opcodes.ACC_STATIC;

import org.jbpf.core.layout.StructLayout;
import org.jbpf.translator.frontend.EnumSwitches;
import org.jbpf.translator.frontend.StructRegistry;
import org.jbpf.translator.frontend.ValueType;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Calls on enums that have no BPF form, refused at the call with what to write instead, and {@code values()}. In a
 * program an enum value is its ordinal, so {@code values()} is an array of the ordinals; what needs the constants as
 * objects (a {@code valueOf} by name, a method each constant overrides, more constants than a local array may hold)
 * is refused where it is called, not inside the code javac generated for it.
 */
final class EnumCalls {
    private EnumCalls() {}

    /** Why the static call {@code mi} of an enum cannot be made; null when it is not values() or valueOf. */
    static String refusal(StructRegistry structs, MethodInsnNode mi) {
        if (!EnumSwitches.isEnum(structs, mi.owner)) return null;
        String name = StructRegistry.simple(mi.owner);
        if (mi.name.equals("values") && mi.desc.startsWith("()[") && constants(structs, mi.owner) * 4 > ArraySteps.MAX_LOCAL_ARRAY)
            return name + ".values() makes an array of enum objects, which a BPF program does not have (there an enum value is "
                    + "its ordinal); loop over the ordinals instead, for (int k = 0; k < " + constants(structs, mi.owner)
                    + "; k++), and get what a constant carries from k with a switch or a static final table indexed by k";
        if (mi.name.equals("valueOf") && mi.desc.startsWith("(Ljava/lang/String;)"))
            return name + ".valueOf looks a constant up by its name, and strings do not exist in BPF programs; name the constant "
                    + "itself (" + name + ".X), or pass its ordinal from Java";
        return null;
    }

    /** True for {@code E.values()} of an enum the program uses. */
    static boolean isValues(StructRegistry structs, MethodInsnNode mi) {
        return mi.name.equals("values") && mi.desc.startsWith("()[") && EnumSwitches.isEnum(structs, mi.owner);
    }

    /**
     * {@code E.values()}: a new array of the enum's constants, each its ordinal in a program, so a local int[] holding
     * 0, 1, .. n - 1 (a fresh one at each call, as Java's clone of the constants is), which the lowering fills.
     */
    static Value.StackObj values(MethodAnalysis a, int i, StructRegistry structs, MethodInsnNode mi) {
        Value.StackObj ordinals = new Value.StackObj(new ValueType.PrimArray(StructLayout.Kind.INT, constants(structs, mi.owner)),
                (int) (a.site(i) & 0x7fffffff));
        a.enumValues.put(i, ordinals);
        return ordinals;
    }

    /** True when {@code v} may be the ordinals of an enum's values(): javac loads and stores their elements as objects. */
    static boolean isOrdinals(Value v) {
        ValueType t = v instanceof Value.StackObj so ? so.type() : v instanceof Value.Ptr p ? p.target() : null;
        return t instanceof ValueType.PrimArray pa && pa.element() == StructLayout.Kind.INT;
    }

    /** Why an abstract method cannot be called: which code runs would be chosen at run time. */
    static String abstractCall(StructRegistry structs, MethodInsnNode mi) {
        String name = StructRegistry.simple(mi.owner);
        if (EnumSwitches.isEnum(structs, mi.owner))
            return name + "." + mi.name + " is abstract: each constant of enum " + name + " has its own body, chosen by a virtual "
                    + "call, which BPF programs do not have; write one method that switches over the constant instead "
                    + "(switch (value) { case A -> ..; case B -> ..; })";
        return name + "." + mi.name + " is abstract, so the code that runs would be chosen by a virtual call, which BPF programs "
                + "do not have; call a static method, or a method of the @Struct itself, directly";
    }

    /** The number of constants the enum declares. */
    private static int constants(StructRegistry structs, String owner) {
        ClassNode cn = structs.read(owner);
        int n = 0;
        if (cn != null) for (FieldNode fn : cn.fields) if ((fn.access & (ACC_ENUM | ACC_STATIC)) == (ACC_ENUM | ACC_STATIC)) n++;
        return n;
    }
}
