package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.BitSet;
import java.util.List;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;
import org.jbpf.translator.mir.VregLiveness;

/**
 * Removes MIR instructions whose only effect is a register value no path reads before it is written again or the
 * program ends: an ignored helper result, and a constant a branch's lowering set for a test that the threading
 * passes since send its paths past. Works on virtual and physical registers alike, so it also runs on allocated code.
 * A call reads the argument registers it counts, an exit reads r0.
 */
final class DeadCodeElimination implements Pass {
    @Override
    public void run(Mir mir) {
        while (removeDead(mir.code, Math.max(mir.vregCount(), Mir.VREG_BASE))) { /* a removal may leave its operands' values dead */ }
    }

    /** One backward sweep after the liveness of every register; true when it removed something. */
    private static boolean removeDead(List<Mir.MInsn> code, int regs) {
        VregLiveness liveness = new VregLiveness(code, regs, true);
        MirBlocks blocks = liveness.blocks;
        boolean[] dead = new boolean[code.size()];
        boolean any = false;
        for (int b = 0; b < blocks.count; b++) {
            BitSet live = (BitSet) liveness.out(b).clone();
            for (int p = blocks.end[b]; p >= blocks.start[b]; p--) {
                Mir.MInsn m = code.get(p);
                int d = Mir.def(m);
                if (d >= 0 && d != R10 && isPure(m) && !live.get(d)) { dead[p] = true; any = true; continue; }
                step(m, live);
            }
        }
        if (!any) return false;
        int w = 0;
        for (int p = 0; p < code.size(); p++) if (!dead[p]) code.set(w++, code.get(p));
        code.subList(w, code.size()).clear();
        return true;
    }

    /** The registers live before m, from those live after it. */
    private static void step(Mir.MInsn m, BitSet live) {
        int d = Mir.def(m);
        if (d >= 0) live.clear(d);
        for (int u : Mir.uses(m)) live.set(u);
    }

    private static boolean isPure(Mir.MInsn m) {
        int c = cls(m.opcode);
        return c == ALU || c == ALU64 || c == LD || c == LDX;
    }
}
