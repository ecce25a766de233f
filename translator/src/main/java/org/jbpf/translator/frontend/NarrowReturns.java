package org.jbpf.translator.frontend;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * The JVM narrows what {@code ireturn} returns from a method declared to return boolean, byte, char or short (JVMS
 * 6.5 ireturn: a boolean to its lowest bit, a byte or short sign-extended, a char zero-extended). javac always
 * narrows before it returns, but other compilers and bytecode tools may return any int, and the caller then sees
 * the narrowed value. This pass writes that narrowing out before each such {@code ireturn} whose value is not
 * already narrow by its last instruction (a narrowing, a constant in range, a field, array element or call of the
 * type), so the analysis and both backends see it as ordinary code. Running it twice changes nothing.
 */
public final class NarrowReturns {
    private NarrowReturns() {}

    /** Inserts the narrowing before every {@code ireturn} of {@code m} that needs it. */
    public static void rewrite(MethodNode m) {
        Type result = Type.getReturnType(m.desc);
        int sort = result.getSort();
        if (sort != Type.BOOLEAN && sort != Type.BYTE && sort != Type.CHAR && sort != Type.SHORT) return;
        // the jumps into each label; a label a switch or handler leads to maps to null (its values are not followed)
        Map<LabelNode, List<JumpInsnNode>> jumps = new HashMap<>();
        for (AbstractInsnNode in : m.instructions) {
            if (in instanceof JumpInsnNode j) {
                if (!jumps.containsKey(j.label)) jumps.put(j.label, new ArrayList<>());
                List<JumpInsnNode> into = jumps.get(j.label);
                if (into != null) into.add(j);
            } else if (in instanceof TableSwitchInsnNode t) { t.labels.forEach(l -> jumps.put(l, null)); jumps.put(t.dflt, null); }
            else if (in instanceof LookupSwitchInsnNode l) { l.labels.forEach(k -> jumps.put(k, null)); jumps.put(l.dflt, null); }
        }
        if (m.tryCatchBlocks != null) m.tryCatchBlocks.forEach(b -> jumps.put(b.handler, null));
        boolean masked = false;
        for (AbstractInsnNode in : m.instructions.toArray())
            if (in.getOpcode() == IRETURN && !narrowBefore(in, sort, jumps, 4)) {
                m.instructions.insertBefore(in, narrowing(sort));
                if (sort == Type.BOOLEAN && !masked) m.maxStack++; // the mask 1 goes above the value
                masked |= sort == Type.BOOLEAN;
            }
    }

    private static InsnList narrowing(int sort) {
        InsnList out = new InsnList();
        switch (sort) {
            case Type.BYTE -> out.add(new InsnNode(I2B));
            case Type.SHORT -> out.add(new InsnNode(I2S));
            case Type.CHAR -> out.add(new InsnNode(I2C));
            default -> { out.add(new InsnNode(ICONST_1)); out.add(new InsnNode(IAND)); }
        }
        return out;
    }

    /** Whether {@code in}, the instruction that gives the returned value (null when paths meet), gives it narrow already. */
    private static boolean narrow(AbstractInsnNode in, int sort) {
        if (in == null) return false;
        Long constant = constant(in);
        if (constant != null) return fits(constant, sort);
        int op = in.getOpcode();
        // x & mask with a mask of the type's range: what this pass writes for a boolean, javac's x & 0xff
        AbstractInsnNode mask = op == IAND ? in.getPrevious() : null;
        while (mask != null && mask.getOpcode() < 0 && !(mask instanceof LabelNode)) mask = mask.getPrevious();
        if (mask != null && constant(mask) != null) return constant(mask) >= 0 && fits(constant(mask), sort);
        Type given = in instanceof FieldInsnNode f && (op == GETFIELD || op == GETSTATIC) ? Type.getType(f.desc)
                : in instanceof MethodInsnNode mi ? Type.getReturnType(mi.desc) : null;
        if (given != null) return given.getSort() == sort || sort == Type.SHORT && given.getSort() == Type.BYTE;
        return switch (sort) {
            case Type.BYTE -> op == I2B;
            case Type.SHORT -> op == I2S || op == I2B || op == SALOAD;
            case Type.CHAR -> op == I2C || op == CALOAD;
            default -> false;
        };
    }

    private static boolean fits(long constant, int sort) {
        return switch (sort) {
            case Type.BYTE -> constant == (byte) constant;
            case Type.SHORT -> constant == (short) constant;
            case Type.CHAR -> constant == (char) constant;
            default -> constant == 0 || constant == 1;
        };
    }

    private static Long constant(AbstractInsnNode in) {
        int op = in.getOpcode();
        if (op >= ICONST_M1 && op <= ICONST_5) return (long) (op - ICONST_0);
        if (op == BIPUSH || op == SIPUSH) return (long) ((IntInsnNode) in).operand;
        if (in instanceof LdcInsnNode ldc && ldc.cst instanceof Integer v) return (long) v;
        return null;
    }

    /**
     * Whether the value on top of the stack just before {@code in} is narrow on every path there: the instruction
     * before it, or where paths meet (javac's {@code return a < b;}) the instruction before each goto to the join and
     * before the fall-through; {@code depth} joins at most, any other jump or switch into it counts as not narrow.
     */
    private static boolean narrowBefore(AbstractInsnNode in, int sort, Map<LabelNode, List<JumpInsnNode>> jumps, int depth) {
        for (AbstractInsnNode p = in.getPrevious(); p != null; p = p.getPrevious()) {
            if (p instanceof LabelNode l && jumps.containsKey(l)) {
                List<JumpInsnNode> into = jumps.get(l);
                if (depth == 0 || into == null) return false;
                for (JumpInsnNode j : into) if (j.getOpcode() != GOTO || !narrowBefore(j, sort, jumps, depth - 1)) return false;
                AbstractInsnNode previous = real(l.getPrevious());
                return previous == null || ends(previous) || narrowBefore(l, sort, jumps, depth - 1);
            }
            if (p.getOpcode() >= 0) return narrow(p, sort);
        }
        return false;
    }

    private static AbstractInsnNode real(AbstractInsnNode p) {
        while (p != null && p.getOpcode() < 0) p = p.getPrevious();
        return p;
    }

    private static boolean ends(AbstractInsnNode in) {
        int op = in.getOpcode();
        return op == GOTO || op == ATHROW || op >= IRETURN && op <= RETURN || op == TABLESWITCH || op == LOOKUPSWITCH;
    }
}
