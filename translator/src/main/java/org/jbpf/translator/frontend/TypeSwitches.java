package org.jbpf.translator.frontend;

import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Pattern switches over types as javac 21 and later compile them: {@code SwitchBootstraps.typeSwitch(selector,
 * restart)} gives the index of the first case label from {@code restart} on whose class the selector is an instance of
 * (-1 for null, the label count for none), and a guard that fails sets {@code restart} past its case and switches again.
 * Each such call whose labels are all classes, with the switch on its result, becomes that search written as
 * {@code instanceof} tests that jump to the cases; the analysis decides them for a struct, whose class it always knows,
 * so only the cases the selector's class picks are translated.
 * The handlers javac wraps around a record pattern's accessor calls (rethrowing as MatchException) are dropped, since an
 * accessor of a struct cannot throw. Labels that are not classes (strings, enum constants) leave the call alone, and the
 * analysis refuses it.
 */
public final class TypeSwitches {
    private TypeSwitches() {}

    private static final String BOOTSTRAPS = "java/lang/runtime/SwitchBootstraps";

    /** Rewrites every class-label typeSwitch of {@code m} that a switch consumes, and drops javac's MatchException handlers. */
    public static void rewrite(MethodNode m) {
        // a plain loop, not removeIf with a method reference: every translation passes here, and a lambda links method handles
        if (m.tryCatchBlocks != null)
            for (int i = m.tryCatchBlocks.size() - 1; i >= 0; i--)
                if (rethrowsAsMatchException(m.tryCatchBlocks.get(i))) m.tryCatchBlocks.remove(i);
        for (AbstractInsnNode in : m.instructions.toArray()) {
            if (!(in instanceof InvokeDynamicInsnNode indy) || !BOOTSTRAPS.equals(indy.bsm.getOwner()) || !indy.name.equals("typeSwitch")
                    || Type.getArgumentTypes(indy.desc).length != 2) continue;
            AbstractInsnNode sw = real(indy.getNext());
            if (!(sw instanceof TableSwitchInsnNode) && !(sw instanceof LookupSwitchInsnNode)) continue;
            Type selector = Type.getArgumentTypes(indy.desc)[0];
            boolean known = true;
            for (Object label : indy.bsmArgs)
                known &= selector.getSort() >= Type.ARRAY ? label instanceof Type t && t.getSort() == Type.OBJECT : samePrimitive(label, selector);
            if (!known) continue;
            m.instructions.insert(sw, search(m, indy.bsmArgs, sw, selector));
            m.instructions.remove(sw);
            m.instructions.remove(indy);
        }
    }

    /**
     * The search, jumping straight to the case of the selector and restart on the stack. Jumping rather than computing
     * the index keeps each path of the analysis on the one case the selector's class picks, though a guard's restart
     * makes the index unknown. When no label matching from restart on sends the switch to javac's throw, which cannot
     * happen for an exhaustive switch, the last label the selector is an instance of is taken instead, so that no path
     * of the analysis reaches the throw.
     */
    private static InsnList search(MethodNode m, Object[] labels, AbstractInsnNode sw, Type type) {
        int restart = m.maxLocals, selector = m.maxLocals + 1;
        m.maxLocals += 1 + type.getSize();
        InsnList out = new InsnList();
        out.add(new VarInsnNode(ISTORE, restart));
        out.add(new VarInsnNode(type.getOpcode(ISTORE), selector));
        boolean primitive = type.getSort() < Type.ARRAY;
        if (!primitive) {
            out.add(new VarInsnNode(ALOAD, selector));
            out.add(new JumpInsnNode(IFNULL, target(sw, -1)));
        }
        for (int k = 0; k < labels.length; k++) {
            LabelNode next = new LabelNode();
            out.add(new VarInsnNode(ILOAD, restart));
            out.add(constant(k));
            out.add(new JumpInsnNode(IF_ICMPGT, next));
            // a primitive label of the selector's own type (a record pattern's component) always matches
            if (primitive) out.add(new JumpInsnNode(GOTO, target(sw, k)));
            else matches(out, selector, (Type) labels[k], target(sw, k));
            out.add(next);
        }
        if (primitive) {
            out.add(new JumpInsnNode(GOTO, target(sw, labels.length)));
            return out;
        }
        LabelNode none = target(sw, labels.length);
        if (startsMatchException(real(none)))
            for (int k = labels.length - 1; k >= 0; k--) matches(out, selector, (Type) labels[k], target(sw, k));
        out.add(new JumpInsnNode(GOTO, none));
        return out;
    }

    /** True when {@code label} is javac's constant for the primitive class of {@code selector} (ConstantBootstraps.primitiveClass). */
    private static boolean samePrimitive(Object label, Type selector) {
        return label instanceof ConstantDynamic c && c.getBootstrapMethod().getOwner().equals("java/lang/invoke/ConstantBootstraps")
                && c.getBootstrapMethod().getName().equals("primitiveClass") && c.getName().equals(selector.getDescriptor());
    }

    /** Jumps to {@code to} when the selector is an instance of {@code label}. */
    private static void matches(InsnList out, int selector, Type label, LabelNode to) {
        out.add(new VarInsnNode(ALOAD, selector));
        out.add(new TypeInsnNode(INSTANCEOF, label.getInternalName()));
        out.add(new JumpInsnNode(IFNE, to));
    }

    /** The label switch {@code sw} jumps to for {@code key}. */
    private static LabelNode target(AbstractInsnNode sw, int key) {
        if (sw instanceof TableSwitchInsnNode ts) return key >= ts.min && key <= ts.max ? ts.labels.get(key - ts.min) : ts.dflt;
        LookupSwitchInsnNode ls = (LookupSwitchInsnNode) sw;
        int at = ls.keys.indexOf(key);
        return at >= 0 ? ls.labels.get(at) : ls.dflt;
    }

    private static AbstractInsnNode constant(int k) {
        return k <= 5 ? new InsnNode(ICONST_0 + k) : new IntInsnNode(k < 128 ? BIPUSH : SIPUSH, k);
    }

    /** True for a handler that only wraps what was thrown into a MatchException and throws that. */
    private static boolean rethrowsAsMatchException(TryCatchBlockNode block) {
        AbstractInsnNode first = real(block.handler);
        return "java/lang/Throwable".equals(block.type) && first != null && first.getOpcode() == ASTORE && startsMatchException(real(first.getNext()));
    }

    private static boolean startsMatchException(AbstractInsnNode n) {
        if (!(n instanceof TypeInsnNode t) || n.getOpcode() != NEW || !t.desc.equals("java/lang/MatchException")) return false;
        for (int k = 0; k < 8 && n != null; k++, n = real(n.getNext()))
            if (n.getOpcode() == ATHROW) return true;
            else if (n instanceof MethodInsnNode mi && !List.of("<init>", "toString").contains(mi.name)) return false;
        return false;
    }

    private static AbstractInsnNode real(AbstractInsnNode n) {
        while (n != null && n.getOpcode() < 0) n = n.getNext();
        return n;
    }
}
