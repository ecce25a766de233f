package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.AluSemantics;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.VregLiveness;

/**
 * Jump threading over a constant that is tested right away, the shape of a boolean an inlined method returns:
 * {@code x = 1; goto J; ... J: y = x; if y == 0 goto skip} goes straight to where the test sends 1 (copies on the way
 * are skipped when nothing after the test reads them). A path falling into J
 * after its own {@code x = K} is threaded too once no jump reaches J any more, so the test disappears; the constants
 * die with it when nothing else reads x.
 */
final class ConstantConditionThreading implements Pass {
    @Override
    public void run(Mir mir) {
        boolean changed = false;
        // each step sends one jump further on; the bound only matters for a program that loops on a constant forever
        for (int steps = 0; steps < mir.code.size() && threadOnce(mir); steps++) changed = true;
        if (changed) {
            UnreachableCodeElimination.removeUnreachable(mir.code);
            new DeadCodeElimination().run(mir);
        }
    }

    private static boolean threadOnce(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        VregLiveness live = null;
        for (int p = 0; p + 1 < code.size(); p++) {
            Mir.MInsn set = code.get(p), next = code.get(p + 1);
            if (!isConstant(set)) continue;
            boolean viaJump = next.isUnconditionalJump();
            if (!viaJump && !next.isLabel()) continue;
            Mir.Label join = viaJump ? next.target : next.label;
            // from J: labels, gotos and copies of the constant, then the test of it
            Map<Integer, Long> known = new HashMap<>();
            known.put(set.dst, AluSemantics.eval(set.opcode, set.off, set.imm, 0, AluSemantics.immOperand(set.imm)));
            List<Integer> copies = new ArrayList<>();
            int t = MirQueries.labelPosition(code, join), steps = 0;
            while (t >= 0 && t < code.size() && steps++ < 8) {
                Mir.MInsn m = code.get(t);
                if (m.isLabel()) { t++; continue; }
                if (m.isUnconditionalJump()) { t = MirQueries.labelPosition(code, m.target); continue; }
                if (m.opcode == (ALU64 | MOV | X) && m.off == 0 && known.containsKey(m.src) && Mir.isVirtual(m.dst)) {
                    known.put(m.dst, known.get(m.src));
                    copies.add(m.dst);
                    t++;
                    continue;
                }
                break;
            }
            if (t < 0 || t >= code.size()) continue;
            Mir.MInsn test = code.get(t);
            if (!test.isJump() || test.isUnconditionalJump() || test.ref != null || source(test.opcode) != K || !known.containsKey(test.dst))
                continue;
            // falling into J: only once every jump to J went elsewhere, so the new goto leaves J's block dead
            if (!viaJump && MirQueries.jumpsTo(code, join) > 0) continue;
            boolean taken = AluSemantics.jumpTaken(test.opcode, known.get(test.dst), AluSemantics.immOperand(test.imm));
            // the copies on the way are skipped: nothing after the test may read them
            if (live == null) live = new VregLiveness(code, mir.vregCount());
            int after = taken ? MirQueries.labelPosition(code, test.target) : t + 1;
            boolean needed = false;
            for (int c : copies) needed |= live.liveAtBlockStart(after, c);
            if (needed) continue;
            Mir.Label to = taken ? test.target : labelAfter(mir, t);
            if (to == join) continue;
            if (viaJump) {
                next.target = to;
            } else {
                Mir.MInsn jump = new Mir.MInsn();
                jump.opcode = JMP | JA;
                jump.target = to;
                jump.line = set.line;
                code.add(p + 1, jump);
            }
            return true;
        }
        return false;
    }

    private static boolean isConstant(Mir.MInsn m) {
        return !m.isLabel() && m.ref == null && Mir.isVirtual(m.dst) && (m.opcode == (ALU64 | MOV | K) || m.opcode == (ALU | MOV | K));
    }

    /** The label right after position t, placed there when there is none. */
    private static Mir.Label labelAfter(Mir mir, int t) {
        List<Mir.MInsn> code = mir.code;
        if (t + 1 < code.size() && code.get(t + 1).isLabel()) return code.get(t + 1).label;
        Mir.MInsn l = new Mir.MInsn();
        l.label = mir.newLabel();
        code.add(t + 1, l);
        return l.label;
    }
}
