package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;
import org.jbpf.translator.mir.VregLiveness;

/**
 * Moves loads from a read-only context (see {@link Mir#readOnlyContext}) down past helper calls to the one
 * instruction that reads them, e.g. {@code printk("..", ctx.arg(0), ctx.arg(2), pid())}: the context pointer then
 * lives across the call instead of two loaded values, and each field is loaded straight into its argument register.
 * The context register is the single copy of r1 made on entry; nothing writes the memory it points to while the
 * program runs, so a load later reads the same value.
 *
 * <p>A block's loads move only when, across every call they pass, the context pointer takes the place of at least
 * two loaded values, or already lives across that call: otherwise as many registers stay live and nothing is saved.
 */
final class ContextLoadSinking implements Pass {
    @Override
    public void run(Mir mir) {
        if (!mir.readOnlyContext) return;
        List<Mir.MInsn> code = mir.code;
        int n = mir.vregCount();
        int[] defs = new int[n], uses = new int[n];
        for (Mir.MInsn m : code) {
            int d = Mir.def(m);
            if (Mir.isVirtual(d)) defs[d]++;
            for (int u : Mir.uses(m)) if (Mir.isVirtual(u)) uses[u]++;
        }
        int context = contextRegister(code, defs);
        if (context < 0) return;
        MirBlocks blocks = new MirBlocks(code);
        VregLiveness live = new VregLiveness(code, n);
        for (int b = 0; b < blocks.count; b++) {
            List<int[]> moves = new ArrayList<>();
            for (int p = blocks.start[b]; p <= blocks.end[b]; p++) {
                Mir.MInsn ld = code.get(p);
                if (ld.isLabel() || cls(ld.opcode) != LDX || ld.src != context || !Mir.isVirtual(ld.dst)) continue;
                int d = ld.dst;
                if (defs[d] != 1 || uses[d] != 1) continue;
                int reader = -1;
                for (int q = p + 1; q <= blocks.end[b] && reader < 0; q++) if (MirQueries.reads(code.get(q), d)) reader = q;
                if (reader < 0) continue;
                boolean passesCall = false;
                for (int q = p + 1; q < reader; q++) passesCall |= code.get(q).isCall();
                if (passesCall) moves.add(new int[] {p, reader});
            }
            if (moves.isEmpty() || !worthIt(code, blocks, live, b, context, moves)) continue;
            // move the last load first, so the positions of the others stay right
            for (int k = moves.size() - 1; k >= 0; k--) {
                int p = moves.get(k)[0], reader = moves.get(k)[1];
                Mir.MInsn ld = code.remove(p);
                code.add(reader - 1, ld);
                for (int j = 0; j < k; j++) if (moves.get(j)[1] > p && moves.get(j)[1] < reader) moves.get(j)[1]--;
            }
        }
    }

    /** The virtual register that is the only copy of r1 made on entry before r1 changes, or -1. */
    private static int contextRegister(List<Mir.MInsn> code, int[] defs) {
        for (Mir.MInsn m : code) {
            if (m.isLabel() || m.isJump() || m.isExit() || m.isCall()) return -1;
            if (m.opcode == (ALU64 | MOV | X) && m.off == 0 && m.src == R1 && Mir.isVirtual(m.dst) && defs[m.dst] == 1) return m.dst;
            if (Mir.def(m) == R1) return -1;
        }
        return -1;
    }

    /**
     * Whether, at every call some of the loads pass, at least two of them pass it or the context register is live
     * after it anyway.
     */
    private static boolean worthIt(List<Mir.MInsn> code, MirBlocks blocks, VregLiveness live, int b, int context, List<int[]> moves) {
        boolean contextLive = live.out(b).get(context);
        for (int q = blocks.end[b]; q >= blocks.start[b]; q--) {
            Mir.MInsn m = code.get(q);
            if (m.isCall()) {
                int passing = 0;
                for (int[] mv : moves) if (mv[0] < q && q < mv[1]) passing++;
                if (passing == 1 && !contextLive) return false;
            }
            if (MirQueries.reads(m, context)) contextLive = true;
        }
        return true;
    }
}
