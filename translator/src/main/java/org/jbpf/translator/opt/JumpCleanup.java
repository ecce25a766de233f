package org.jbpf.translator.opt;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jbpf.translator.mir.Mir;

/**
 * Removes code no path reaches ({@link UnreachableCodeElimination}), labels no jump goes to, and jumps to the
 * instruction that follows anyway; repeated until none is left, since each removal can expose another.
 */
final class JumpCleanup implements Pass {
    @Override
    public void run(Mir mir) {
        boolean changed = true;
        while (changed) changed = removeUnreachable(mir.code) | removeJumpsToNext(mir.code);
    }

    static boolean removeUnreachable(List<Mir.MInsn> code) {
        boolean changed = UnreachableCodeElimination.removeUnreachable(code);
        // labels nobody jumps to can go (they split nothing)
        Set<Mir.Label> used = new HashSet<>();
        for (Mir.MInsn m : code) if (m.target != null) used.add(m.target);
        for (Iterator<Mir.MInsn> i = code.iterator(); i.hasNext(); ) {
            Mir.MInsn m = i.next();
            if (m.isLabel() && !used.contains(m.label)) { i.remove(); changed = true; }
        }
        return changed;
    }

    static boolean removeJumpsToNext(List<Mir.MInsn> code) {
        boolean changed = false;
        for (int i = 0; i < code.size(); i++) {
            Mir.MInsn m = code.get(i);
            if (!m.isJump()) continue;
            int k = i + 1;
            boolean toNext = false;
            while (k < code.size() && code.get(k).isLabel()) {
                if (code.get(k).label == m.target) { toNext = true; break; }
                k++;
            }
            if (toNext) { code.remove(i); i--; changed = true; }
        }
        return changed;
    }
}
