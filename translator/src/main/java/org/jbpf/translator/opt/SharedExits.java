package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.VregLiveness;

/**
 * An early return of a constant shares a later exit, as C compilers do: {@code if c goto L; r0 = K; exit; L:}
 * becomes {@code r0 = K; if !c goto X; L:}, X an exit further on. The branch must not read r0, and the way on to L
 * must write r0 before it reads it, so the early value is dead there. Saves one exit per such return; the way on
 * runs one more instruction. Runs on allocated code, after {@link ReturnMerging} has sent returns of a constant
 * returned elsewhere to that return, which costs no instruction on the way on.
 */
final class SharedExits implements Pass {
    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        VregLiveness live = null;
        for (int p = 0; p + 3 < code.size(); p++) {
            Mir.MInsn j = code.get(p), set = code.get(p + 1), exit = code.get(p + 2), next = code.get(p + 3);
            if (!j.isJump() || j.isUnconditionalJump() || j.ref != null || inverseJump(op(j.opcode)) < 0) continue;
            if (!isReturnConstant(set) || !exit.isExit() || !next.isLabel() || next.label != j.target) continue;
            if (MirQueries.reads(j, R0)) continue;
            int shared = laterExit(code, p + 3);
            if (shared < 0) continue;
            if (live == null) live = new VregLiveness(code, mir.vregCount(), true);
            if (live.liveAtBlockStart(p + 3, R0)) continue;
            Mir.Label target = labelBefore(mir, code, shared);
            j.opcode = (j.opcode & ~0xf0) | inverseJump(op(j.opcode));
            j.target = target;
            code.remove(p + 2);
            code.set(p + 1, j);
            code.set(p, set);
            live = null;   // positions moved
        }
    }

    /** The position of the first exit after {@code from}, or -1: a forward jump keeps the control flow free of back edges. */
    private static int laterExit(List<Mir.MInsn> code, int from) {
        for (int i = from + 1; i < code.size(); i++) if (code.get(i).isExit()) return i;
        return -1;
    }

    /** The label just before position {@code at}, placed there when there is none. */
    private static Mir.Label labelBefore(Mir mir, List<Mir.MInsn> code, int at) {
        if (code.get(at - 1).isLabel()) return code.get(at - 1).label;
        Mir.MInsn label = new Mir.MInsn();
        label.label = mir.newLabel();
        label.line = code.get(at).line;
        code.add(at, label);
        return label.label;
    }

    private static boolean isReturnConstant(Mir.MInsn m) {
        return !m.isLabel() && m.dst == R0 && m.ref == null && (m.opcode == (ALU64 | MOV | K) || m.opcode == (ALU | MOV | K));
    }
}
