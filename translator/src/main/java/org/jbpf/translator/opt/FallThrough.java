package org.jbpf.translator.opt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.translator.mir.Mir;

/**
 * Straight-line code as lowering leaves it: an inlined method returns with a jump to the label right after it, which
 * only that jump targets. Until the clean-up passes remove such pairs, this lets a pass see across them.
 */
final class FallThrough {
    private final List<Mir.MInsn> code;
    private final Map<Mir.Label, Integer> targeted = new HashMap<>();

    FallThrough(List<Mir.MInsn> code) {
        this.code = code;
        for (Mir.MInsn m : code) if (m.isJump()) targeted.put(m.target, targeted.getOrDefault(m.target, 0) + 1);
    }

    /** The index of the first real instruction from {@code i} on, skipping jumps to the next label and labels no other jump targets; -1 at a real block boundary. */
    int next(int i) {
        while (i < code.size()) {
            Mir.MInsn m = code.get(i);
            if (m.isLabel()) {
                if (targeted.getOrDefault(m.label, 0) > 0 && !(i > 0 && jumpsTo(code.get(i - 1), m.label) && targeted.get(m.label) == 1)) return -1;
                i++;
            } else if (m.isUnconditionalJump() && i + 1 < code.size() && code.get(i + 1).isLabel() && code.get(i + 1).label == m.target
                    && targeted.get(m.target) == 1) {
                i++;
            } else {
                return i;
            }
        }
        return -1;
    }

    private static boolean jumpsTo(Mir.MInsn m, Mir.Label l) { return m.isUnconditionalJump() && m.target == l; }
}
