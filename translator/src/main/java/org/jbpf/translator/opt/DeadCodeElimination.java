package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.Iterator;
import org.jbpf.translator.mir.Mir;

/** Removes MIR instructions that only compute a virtual register nobody reads (e.g. ignored helper results). */
final class DeadCodeElimination implements Pass {
    @Override
    public void run(Mir mir) {
        boolean changed = true;
        while (changed) {
            changed = false;
            int[] uses = new int[mir.vregCount()];
            for (Mir.MInsn m : mir.code) {
                int d = Mir.def(m);
                for (int u : Mir.uses(m)) if (Mir.isVirtual(u) && u != d) uses[u]++;
            }
            for (Iterator<Mir.MInsn> it = mir.code.iterator(); it.hasNext(); ) {
                Mir.MInsn m = it.next();
                int d = Mir.def(m);
                if (Mir.isVirtual(d) && uses[d] == 0 && isPure(m)) { it.remove(); changed = true; }
            }
        }
    }

    private static boolean isPure(Mir.MInsn m) {
        int c = cls(m.opcode);
        return c == ALU || c == ALU64 || c == LD || c == LDX;
    }
}
