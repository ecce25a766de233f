package org.jbpf.translator.analysis;

import org.jbpf.translator.frontend.MapDecl;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * Which local variable holds, before an instruction, the element of a map that a lookup under the same key returned,
 * known not to be null on every path there. Under a constant key: a lookup site's key is that constant on every run of
 * it (the analysis merges differing keys to none), so every non-null pointer the site gave, from any run, is that key's
 * element. Under a key variable: only in a program's own method without backward jumps, where each lookup site runs
 * once, so the pointer is from the one lookup, given the variable as it still is (a store into it forgets the link).
 */
public final class LookedUpElements {
    private LookedUpElements() {}

    /** No local holds such a pointer. */
    public static final int NONE = -1;

    /**
     * A local variable of {@code a} that holds, before instruction {@code index}, a pointer known not null to the
     * element of {@code map} under {@code key} (the analysis's value of a map call's key), or NONE; {@code programEntry}
     * says {@code a} is a program's own method, run once per run of the program (not inlined, not a BPF function).
     */
    public static int localHolding(MethodAnalysis a, int index, MapDecl map, Value key, boolean programEntry) {
        Long k = MapWrites.keyConstant(key);
        int keyLocal = k == null && programEntry && a.inlinedInto == null && !jumpsBack(a) ? KeyLocals.keyLocal(a, key) : KeyLocals.NONE;
        Frame f = a.frames[index];
        if (k == null && keyLocal == KeyLocals.NONE || f == null) return NONE;
        // a pointer merged from different lookups names "several places" and no lookup of its own
        String origin = map.name() + ".lookup(..)";
        for (int var = 0; var < f.locals.length; var++) {
            if (!(f.locals[var] instanceof Value.Ptr p) || p.nullable() || p.ringRecord() || !p.origin().equals(origin)) continue;
            HeldFields.Looked l = f.copies.held.lookedUp(p.id());
            if (l == null || !l.map().equals(map.name())) continue;
            if (k != null ? k.equals(l.key()) : l.owner() == a && l.keyLocal() == keyLocal) return var;
        }
        return NONE;
    }

    /** Whether a jump or switch of {@code a} goes back to an instruction at or before itself: a loop. */
    private static boolean jumpsBack(MethodAnalysis a) {
        for (int i = 0; i < a.insns.length; i++) {
            AbstractInsnNode in = a.insns[i];
            if (in instanceof JumpInsnNode j && at(a, j.label) <= i) return true;
            if (in instanceof TableSwitchInsnNode t && (at(a, t.dflt) <= i || before(a, t.labels, i))) return true;
            if (in instanceof LookupSwitchInsnNode t && (at(a, t.dflt) <= i || before(a, t.labels, i))) return true;
        }
        return false;
    }

    private static boolean before(MethodAnalysis a, java.util.List<LabelNode> labels, int i) {
        for (LabelNode l : labels) if (at(a, l) <= i) return true;
        return false;
    }

    private static int at(MethodAnalysis a, LabelNode label) { return a.method.instructions.indexOf(label); }
}
