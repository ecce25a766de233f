package org.jbpf.translator.analysis;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which local variable a map key or a compared number is, read from the bytecode around an instruction, so that
 * {@link HeldFields} can know two keys differ on a path where the program compared them as unequal
 * ({@code if (k != j)}, {@code if (k != 0)}) or one below the other ({@code if (k < j)}). A key is a local when javac boxed it straight from a load of the variable
 * ({@code m.update(k, v)}) and no store into the variable came since ({@link Value.Boxed}).
 */
final class KeyLocals {
    private KeyLocals() {}

    /** No local variable. */
    static final int NONE = -1;

    /** The local variable of {@code a} that map key {@code key} was boxed from and still holds, or NONE. */
    static int keyLocal(MethodAnalysis a, Value key) {
        return key instanceof Value.Boxed b && b.local() >= 0 && b.context() == a.context ? b.local() : NONE;
    }

    /** After the call at i: a box valueOf made straight from a load of a variable notes that variable. */
    static void boxed(MethodAnalysis a, int i, Frame f) {
        if (!(a.insns[i] instanceof MethodInsnNode mi) || !mi.name.equals("valueOf") || f.stack.isEmpty()
                || !(f.peek(0) instanceof Value.Boxed b) || b.local() >= 0) return;
        int load = previous(a, i);
        if (load < 0 || !(a.insns[load] instanceof VarInsnNode v) || v.getOpcode() != ILOAD && v.getOpcode() != LLOAD) return;
        f.stack.set(f.stack.size() - 1, new Value.Boxed(b.type(), b.constant(), a.context, v.var));
    }

    /**
     * After the store {@code in} of {@code a}: the variable it writes (both slots of a long) no longer holds what boxes,
     * map values looked up and compares knew of it.
     */
    static void assigned(MethodAnalysis a, AbstractInsnNode in, Frame f) {
        int var = in instanceof IincInsnNode inc ? inc.var : ((VarInsnNode) in).var;
        boolean wide = in.getOpcode() == LSTORE || in.getOpcode() == DSTORE;
        for (int slot = var; slot <= var + (wide ? 1 : 0); slot++) forget(a, f, slot);
        // a long variable also ends where a store writes its upper slot
        if (var > 0 && f.locals[var - 1] instanceof Value.Scalar s && s.isLong()) forget(a, f, var - 1);
    }

    /** Forgets what the frame knew of variable {@code slot}: held values and the boxes linked to it. */
    private static void forget(MethodAnalysis a, Frame f, int slot) {
        f.copies = f.copies.withHeld(f.copies.held.assigned(a, slot));
        for (int k = 0; k < f.locals.length; k++) f.locals[k] = unlinked(a, f.locals[k], slot);
        for (int k = 0; k < f.stack.size(); k++) f.stack.set(k, unlinked(a, f.stack.get(k), slot));
    }

    private static Value unlinked(MethodAnalysis a, Value v, int var) {
        return v instanceof Value.Boxed b && b.local() == var && b.context() == a.context ? b.unlinked() : v;
    }

    /**
     * The local variables (or NONE) that the two operands of the compare jump at {@code jump} were loaded from:
     * {@code ILOAD x; ILOAD y; IF_ICMPxx}, {@code LLOAD x; LLOAD y; LCMP; IFxx} or {@code ILOAD x; IFxx} (any of
     * the six compares), with a
     * constant in place of either load.
     */
    static int[] compared(MethodAnalysis a, int jump) {
        int op = a.insns[jump].getOpcode();
        if (op >= IF_ICMPEQ && op <= IF_ICMPLE) {
            int second = previous(a, jump), first = second < 0 ? -1 : previous(a, second);
            return new int[] {local(a, first), local(a, second)};
        }
        int before = previous(a, jump);
        if (before >= 0 && a.insns[before].getOpcode() == LCMP) {
            int second = previous(a, before), first = second < 0 ? -1 : previous(a, second);
            return new int[] {local(a, first), local(a, second)};
        }
        return new int[] {local(a, before), NONE};
    }

    /** The LCMP the compare jump at {@code jump} tests (so IFEQ means the two longs are equal), or -1. */
    static int longCompare(MethodAnalysis a, int jump) {
        int before = previous(a, jump);
        return before >= 0 && a.insns[before].getOpcode() == LCMP ? before : -1;
    }

    private static int local(MethodAnalysis a, int at) {
        return at >= 0 && a.insns[at] instanceof VarInsnNode v && (v.getOpcode() == ILOAD || v.getOpcode() == LLOAD) ? v.var : NONE;
    }

    /**
     * The instruction before {@code at}, skipping lines and frames; -1 at the start or at a label, where another path
     * may come in with other operands ({@code (c ? x : y) != k}).
     */
    static int previous(MethodAnalysis a, int at) {
        int j = at - 1;
        while (j >= 0 && a.insns[j].getOpcode() < 0) {
            if (a.insns[j] instanceof org.objectweb.asm.tree.LabelNode) return -1;
            j--;
        }
        return j;
    }
}
