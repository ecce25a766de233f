package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.translator.mir.Mir;

/**
 * {@code if c goto L1; goto L2; L1:} becomes {@code if !c goto L2; L1:}. Runs together with {@link JumpCleanup}
 * until neither finds more, since a removed jump can line up another pair.
 */
final class BranchInversion implements Pass {
    @Override
    public void run(Mir mir) {
        boolean changed = true;
        while (changed) {
            changed = invertBranches(mir.code) | JumpCleanup.removeUnreachable(mir.code) | JumpCleanup.removeJumpsToNext(mir.code);
        }
    }

    private static boolean invertBranches(List<Mir.MInsn> code) {
        boolean changed = false;
        for (int i = 0; i + 2 < code.size(); i++) {
            Mir.MInsn cond = code.get(i), jump = code.get(i + 1), next = code.get(i + 2);
            if (!cond.isJump() || cond.isUnconditionalJump() || !jump.isUnconditionalJump() || !next.isLabel()) continue;
            if (cond.target != next.label) continue;
            int inverse = inverseJump(op(cond.opcode));
            if (inverse < 0) continue;
            cond.opcode = (cond.opcode & ~0xf0) | inverse;
            cond.target = jump.target;
            code.remove(i + 1);
            changed = true;
        }
        return changed;
    }
}
