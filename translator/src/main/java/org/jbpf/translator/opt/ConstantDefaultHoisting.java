package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.translator.mir.Mir;

/**
 * Turns {@code x = c ? a : K} laid out as "if c go compute a; x = K; jump over; compute a" into "x = K; if not c
 * jump over; compute a": the constant is written first and overwritten on the other path, saving the jump — the
 * mirror of {@link ConstantElseHoisting}, e.g. {@code old == null ? 1 : old.calls() + 1}.
 */
final class ConstantDefaultHoisting implements Pass {
    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        for (int p = 0; p + 3 < code.size(); p++) {
            Mir.MInsn cond = code.get(p), constMove = code.get(p + 1), jump = code.get(p + 2), l1 = code.get(p + 3);
            if (!cond.isJump() || cond.isUnconditionalJump() || inverseJump(op(cond.opcode)) < 0) continue;
            if (constMove.isLabel() || constMove.opcode != (ALU64 | MOV | K) && constMove.opcode != (ALU | MOV | K)) continue;
            if (!jump.isUnconditionalJump() || !l1.isLabel() || l1.label != cond.target || MirQueries.jumpsTo(code, l1.label) != 1) continue;
            int x = constMove.dst;
            if (!Mir.isVirtual(x) || MirQueries.reads(cond, x)) continue;
            int end = straightRegionEnd(code, p + 4, jump.target, x);
            if (end < 0) continue;
            cond.opcode = cls(cond.opcode) | inverseJump(op(cond.opcode)) | source(cond.opcode);
            cond.target = jump.target;
            code.remove(p + 3);   // the computation's label: nothing jumps there any more
            code.remove(p + 2);   // the jump over the computation
            code.remove(p + 1);   // the constant, now written first
            code.add(p, constMove);
            p++;
        }
    }

    /**
     * The position of label {@code join} if the code from {@code from} up to it is one straight line that sets x
     * before it reads it; otherwise -1.
     */
    private static int straightRegionEnd(List<Mir.MInsn> code, int from, Mir.Label join, int x) {
        boolean defined = false;
        for (int q = from; q < code.size(); q++) {
            Mir.MInsn m = code.get(q);
            if (m.isLabel()) {
                if (m.label == join) return defined ? q : -1;
                return -1;   // another way into the computation
            }
            if (m.isJump() || m.isExit() || m.isCall()) return -1;
            if (!defined && MirQueries.reads(m, x)) return -1;
            if (Mir.def(m) == x) defined = true;
        }
        return -1;
    }
}
