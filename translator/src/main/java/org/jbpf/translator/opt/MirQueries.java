package org.jbpf.translator.opt;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jbpf.translator.mir.Mir;

/** Small questions the passes ask of MIR code: who reads a register, where a label is, how many jumps reach it. */
final class MirQueries {
    private MirQueries() {}

    /** Whether instruction m reads register reg. */
    static boolean reads(Mir.MInsn m, int reg) {
        for (int u : Mir.uses(m)) if (u == reg) return true;
        return false;
    }

    /** The position of label l in code, or -1. */
    static int labelPosition(List<Mir.MInsn> code, Mir.Label l) {
        for (int i = 0; i < code.size(); i++) if (code.get(i).label == l) return i;
        return -1;
    }

    /** How many jumps in code go to label l. */
    static int jumpsTo(List<Mir.MInsn> code, Mir.Label l) {
        int n = 0;
        for (Mir.MInsn m : code) if (!m.isLabel() && m.target == l) n++;
        return n;
    }

    /** Whether any jump in code goes back to a label before it: a loop. */
    static boolean hasLoop(List<Mir.MInsn> code) {
        Set<Mir.Label> seen = new HashSet<>();
        for (Mir.MInsn m : code) {
            if (m.isLabel()) seen.add(m.label);
            else if (m.isJump() && seen.contains(m.target)) return true;
        }
        return false;
    }
}
