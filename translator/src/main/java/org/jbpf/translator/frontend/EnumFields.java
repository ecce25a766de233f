package org.jbpf.translator.frontend;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The values of a final number field of each enum constant ({@code LOW(1), HIGH(5); final int weight;}), known at
 * translation: the enum's static initialiser creates each constant with constant arguments, and its constructor
 * assigns the field a parameter or a constant. A program then reads the field as a choice among those constants by
 * ordinal. Anything else (a computed argument, a field set in a method, a constructor calling another) has no such
 * values, and the read is refused.
 */
public final class EnumFields {
    private EnumFields() {}

    /** The field's value for each constant, by ordinal; null when it is not known at translation. */
    public static long[] values(StructRegistry classes, String owner, String field) {
        ClassNode cn = classes.read(owner);
        if (cn == null || (cn.access & ACC_ENUM) == 0) return null;
        FieldNode f = null;
        for (FieldNode x : cn.fields) if (x.name.equals(field) && (x.access & ACC_STATIC) == 0) f = x;
        if (f == null || (f.access & ACC_FINAL) == 0 || !"BSCIJZ".contains(f.desc) || f.desc.length() != 1) return null;
        List<String> constants = new ArrayList<>();
        for (FieldNode x : cn.fields) if ((x.access & ACC_ENUM) != 0) constants.add(x.name);
        MethodNode clinit = method(cn, "<clinit>", null);
        if (clinit == null) return null;
        long[] values = new long[constants.size()];
        boolean[] known = new boolean[values.length];
        List<Long> args = new ArrayList<>();
        boolean plain = false;   // only constants pushed since the NEW
        for (AbstractInsnNode in = clinit.instructions.getFirst(); in != null; in = in.getNext()) {
            if (in instanceof TypeInsnNode t && t.getOpcode() == NEW && t.desc.equals(owner)) { args.clear(); plain = true; continue; }
            if (in.getOpcode() < 0 || in.getOpcode() == DUP) continue;
            Long c = constant(in);
            if (c != null) { args.add(c); continue; }
            if (in instanceof LdcInsnNode l && l.cst instanceof String) { args.add(null); continue; }
            if (!(in instanceof MethodInsnNode call) || call.getOpcode() != INVOKESPECIAL || !call.owner.equals(owner) || !call.name.equals("<init>")) {
                plain = false;
                continue;
            }
            if (!plain) return null;
            plain = false;
            AbstractInsnNode next = in.getNext();
            while (next != null && next.getOpcode() < 0) next = next.getNext();
            if (!(next instanceof FieldInsnNode put) || put.getOpcode() != PUTSTATIC || !constants.contains(put.name)) return null;
            Long value = assigned(method(cn, "<init>", call.desc), field, args, Type.getArgumentTypes(call.desc).length);
            if (value == null) return null;
            int ordinal = constants.indexOf(put.name);
            values[ordinal] = narrow(value, f.desc);
            known[ordinal] = true;
        }
        for (boolean k : known) if (!k) return null;
        return values;
    }

    /**
     * The value constructor {@code init} gives {@code field}, from the constant arguments of one call (name and ordinal
     * first, as javac passes them); null unless the field is assigned exactly once, a parameter or a constant.
     */
    static Long assigned(MethodNode init, String field, List<Long> args, int parameters) {
        if (init == null || args.size() < parameters) return null;
        List<Long> call = args.subList(args.size() - parameters, args.size());
        Long value = null;
        int puts = 0;
        for (AbstractInsnNode in = init.instructions.getFirst(); in != null; in = in.getNext()) {
            // only the root constructor of an enum, a record or a class: another constructor would set fields too
            if (in instanceof MethodInsnNode m && m.name.equals("<init>") && !m.owner.equals("java/lang/Enum")
                    && !m.owner.equals("java/lang/Record") && !m.owner.equals("java/lang/Object")) return null;
            if (!(in instanceof FieldInsnNode put) || put.getOpcode() != PUTFIELD || !put.name.equals(field)) continue;
            puts++;
            AbstractInsnNode source = put.getPrevious();
            while (source != null && source.getOpcode() < 0) source = source.getPrevious();
            Long c = constant(source);
            if (c != null) value = c;
            else if (source instanceof VarInsnNode v && v.getOpcode() >= ILOAD && v.getOpcode() <= LLOAD) value = parameter(init, v.var, call);
            else return null;
        }
        return puts == 1 ? value : null;
    }

    /** The argument held in local {@code slot} of the constructor (slot 0 is this; longs take two slots). */
    private static Long parameter(MethodNode init, int slot, List<Long> call) {
        int at = 1;
        Type[] types = Type.getArgumentTypes(init.desc);
        for (int p = 0; p < types.length; p++) {
            if (at == slot) return call.get(p);
            at += types[p].getSize();
        }
        return null;
    }

    static long narrow(long v, String desc) {
        switch (desc) {
            case "B": return (byte) v;
            case "S": return (short) v;
            case "C": return (char) v;
            case "Z": return v != 0 ? 1 : 0;
            case "I": return (int) v;
            default: return v;
        }
    }

    static MethodNode method(ClassNode cn, String name, String desc) {
        for (MethodNode m : cn.methods) if (m.name.equals(name) && (desc == null || m.desc.equals(desc))) return m;
        return null;
    }

    /** The number an instruction pushes as a constant, or null. */
    static Long constant(AbstractInsnNode in) {
        if (in == null) return null;
        int op = in.getOpcode();
        if (op >= ICONST_M1 && op <= ICONST_5) return (long) (op - ICONST_0);
        if (op == LCONST_0 || op == LCONST_1) return (long) (op - LCONST_0);
        if (in instanceof IntInsnNode i && (op == BIPUSH || op == SIPUSH)) return (long) i.operand;
        if (in instanceof LdcInsnNode l && (l.cst instanceof Integer || l.cst instanceof Long)) return ((Number) l.cst).longValue();
        return null;
    }
}
