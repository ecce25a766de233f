package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.translator.mir.Mir;

/**
 * Turns {@code x = c ? a : K} from "branch, compute a, jump over, x = K" into "x = K, branch over the computation
 * of a": the constant is written first and overwritten on the other path, saving the jump.
 */
final class ConstantElseHoisting implements Pass {
    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        for (int p = 0; p + 1 < code.size(); p++) {
            Mir.MInsn cond = code.get(p);
            if (!cond.isJump() || cond.isUnconditionalJump()) continue;
            int k = p + 1;
            while (k < code.size() && !code.get(k).isLabel() && !code.get(k).isJump() && !code.get(k).isExit()) k++;
            if (k + 3 >= code.size() || k == p + 1) continue;
            Mir.MInsn jump = code.get(k), l2 = code.get(k + 1), constMove = code.get(k + 2), l3 = code.get(k + 3);
            if (!jump.isUnconditionalJump() || !l2.isLabel() || l2.label != cond.target || !l3.isLabel() || jump.target != l3.label)
                continue;
            if (constMove.isLabel() || (constMove.opcode != (ALU64 | MOV | K) && constMove.opcode != (ALU | MOV | K))) continue;
            int x = constMove.dst;
            if (!Mir.isVirtual(x) || MirQueries.reads(cond, x) || MirQueries.jumpsTo(code, l2.label) != 1) continue;
            // the computed branch must define x before reading it
            boolean defined = false, ok = true;
            for (int q = p + 1; q < k && ok; q++) {
                Mir.MInsn m = code.get(q);
                if (!defined && MirQueries.reads(m, x)) ok = false;
                if (Mir.def(m) == x) defined = true;
            }
            if (!ok || !defined) continue;
            cond.target = l3.label;
            code.remove(k + 2);   // const move
            code.remove(k + 1);   // L2
            code.remove(k);       // goto L3
            code.add(p, constMove);
            p++;
        }
        signBits(code);
    }

    /** {@code x = v < 0 ? 1 : 0} (after hoisting: x = 1; if v s< 0 skip x = 0) is the sign bit: x = v >>> 63. */
    private static void signBits(List<Mir.MInsn> code) {
        for (int p = 0; p + 3 < code.size(); p++) {
            Mir.MInsn ke = code.get(p), cond = code.get(p + 1), kt = code.get(p + 2), label = code.get(p + 3);
            if (!isConst(ke) || !isConst(kt) || ke.dst != kt.dst || !label.isLabel() || cond.target != label.label) continue;
            if (cond.isLabel() || source(cond.opcode) != K || cond.imm != 0 || cond.dst == ke.dst || MirQueries.jumpsTo(code, label.label) != 1) continue;
            int jop = op(cond.opcode);
            boolean negativeIsOne = jop == JSLT && ke.imm == 1 && kt.imm == 0 || jop == JSGE && ke.imm == 0 && kt.imm == 1;
            if (!negativeIsOne) continue;
            boolean wide = cls(cond.opcode) == JMP;
            Mir.MInsn mov = ke, shift = kt;
            mov.opcode = (wide ? ALU64 : ALU) | MOV | X; mov.src = cond.dst; mov.imm = 0;
            shift.opcode = (wide ? ALU64 : ALU) | RSH | K; shift.imm = wide ? 63 : 31;
            code.remove(p + 3);
            code.remove(p + 1);
        }
    }

    private static boolean isConst(Mir.MInsn m) {
        return !m.isLabel() && (m.opcode == (ALU64 | MOV | K) || m.opcode == (ALU | MOV | K)) && Mir.isVirtual(m.dst);
    }
}
