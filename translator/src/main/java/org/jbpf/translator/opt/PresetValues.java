package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.VregLiveness;

/**
 * Writes a value before the branch that selects it instead of on a path of its own, as C compilers do for a chain
 * of returns or a switch of constants: {@code x = 4; if (v < 0) goto done; x = 0; if (v == 0) goto done; ...}. Two
 * shapes, where x is dead on the way the branch does not take to x's value:
 * <ul>
 * <li>{@code if c goto L; x = K; goto end; L:} becomes {@code x = K; if !c goto end; L:};
 * <li>{@code if c goto C; ...; C: x = K; goto end} (C reached only by that branch) becomes
 *     {@code x = K; if c goto end; ...} and the block C goes.
 * </ul>
 * Each saves a jump; x = K is a constant or a register copy, which the branch cannot change.
 */
final class PresetValues implements Pass {
    @Override
    public void run(Mir mir) {
        boolean changed = true;
        while (changed) changed = presetOnce(mir);
    }

    private static boolean presetOnce(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        VregLiveness live = new VregLiveness(code, mir.vregCount());
        for (int p = 0; p + 1 < code.size(); p++) {
            Mir.MInsn j = code.get(p);
            if (!j.isJump() || j.isUnconditionalJump() || inverseJump(op(j.opcode)) < 0) continue;
            // if c goto L; x = K; goto end; L:
            if (p + 3 < code.size() && isPreset(code.get(p + 1)) && code.get(p + 2).isUnconditionalJump()
                    && code.get(p + 3).isLabel() && code.get(p + 3).label == j.target) {
                Mir.MInsn set = code.get(p + 1), jump = code.get(p + 2);
                if (MirQueries.reads(j, set.dst) || live.liveAtBlockStart(p + 3, set.dst) || jump.target == j.target) continue;
                j.opcode = (j.opcode & ~0xf0) | inverseJump(op(j.opcode));
                j.target = jump.target;
                code.remove(p + 2);
                code.set(p + 1, j);
                code.set(p, set);
                return true;
            }
            // if c goto C; ... C: x = K; goto end
            int c = MirQueries.labelPosition(code, j.target);
            if (c <= p + 1 || c + 2 >= code.size() || !isPreset(code.get(c + 1)) || !code.get(c + 2).isUnconditionalJump()) continue;
            Mir.MInsn before = code.get(c - 1), set = code.get(c + 1), jump = code.get(c + 2);
            if (!before.isUnconditionalJump() && !before.isExit() || MirQueries.jumpsTo(code, j.target) != 1) continue;
            if (MirQueries.reads(j, set.dst) || live.liveAtBlockStart(p + 1, set.dst) || jump.target == j.target) continue;
            j.target = jump.target;
            code.remove(c + 2);
            code.remove(c + 1);
            code.remove(c);
            code.add(p, set);
            return true;
        }
        return false;
    }

    /** A write of a virtual register that reads nothing the branch could change: a constant or a copy. */
    private static boolean isPreset(Mir.MInsn m) {
        if (m.isLabel() || !Mir.isVirtual(m.dst)) return false;
        int op = m.opcode;
        return op == (ALU64 | MOV | K) || op == (ALU | MOV | K) || op == (ALU64 | MOV | X) && m.off == 0 && m.src != m.dst
                || op == (LD | IMM | DW);
    }
}
