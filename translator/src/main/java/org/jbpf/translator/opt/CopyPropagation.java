package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.HashMap;
import java.util.Map;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;

/**
 * Replaces a virtual register that is only ever a copy of another single-assignment register by that register,
 * e.g. the per-depth stack register a value passes through at a block boundary. With loops, only copies made in
 * the same block as the original's definition are propagated, so the original cannot have been redefined in between.
 */
final class CopyPropagation implements Pass {
    @Override
    public void run(Mir mir) {
        var code = mir.code;
        int n = mir.vregCount();
        int[] defs = new int[n];
        int[] defAt = new int[n];
        for (int p = 0; p < code.size(); p++) {
            int d = Mir.def(code.get(p));
            if (Mir.isVirtual(d)) { defs[d]++; defAt[d] = p; }
        }
        boolean loops = false;
        Map<Mir.Label, Integer> labelAt = new HashMap<>();
        for (int p = 0; p < code.size(); p++) if (code.get(p).isLabel()) labelAt.put(code.get(p).label, p);
        for (int p = 0; p < code.size(); p++) {
            Mir.MInsn m = code.get(p);
            if (m.isJump() && labelAt.get(m.target) <= p) loops = true;
        }
        MirBlocks blocks = loops ? new MirBlocks(code) : null;
        int[] replace = new int[n];
        for (int v = 0; v < n; v++) replace[v] = v;
        for (int p = 0; p < code.size(); p++) {
            Mir.MInsn m = code.get(p);
            if (m.isLabel() || m.opcode != (ALU64 | MOV | X) || m.off != 0) continue;
            if (!Mir.isVirtual(m.dst) || !Mir.isVirtual(m.src) || m.dst == m.src) continue;
            if (defs[m.dst] != 1 || defs[m.src] != 1) continue;
            if (loops && blocks.blockOf[defAt[m.src]] != blocks.blockOf[p]) continue;
            replace[m.dst] = m.src;
        }
        for (int v = 0; v < n; v++) {
            int r = v;
            for (int guard = 0; replace[r] != r && guard < n; guard++) r = replace[r];
            replace[v] = r;
        }
        for (Mir.MInsn m : code) {
            if (m.isLabel()) continue;
            if (Mir.isVirtual(m.dst)) m.dst = replace[m.dst];
            if (Mir.isVirtual(m.src) && cls(m.opcode) != LD) m.src = replace[m.src];
        }
        for (java.util.Iterator<Mir.MInsn> i = code.iterator(); i.hasNext(); ) {
            Mir.MInsn m = i.next();
            if (!m.isLabel() && m.opcode == (ALU64 | MOV | X) && m.off == 0 && m.dst == m.src && Mir.isVirtual(m.dst)) i.remove();
        }
        coalesceIntoDestination(mir);
    }

    /**
     * {@code s = ...; s op= ...; d = s} where s is used only by that copy and all of it happens in one straight
     * line: compute directly into d.
     */
    private static void coalesceIntoDestination(Mir mir) {
        var code = mir.code;
        boolean changed = true;
        while (changed) {
            changed = false;
            int n = mir.vregCount();
            int[] uses = new int[n];
            for (Mir.MInsn m : code) for (int u : Mir.uses(m)) if (Mir.isVirtual(u) && Mir.def(m) != u) uses[u]++;
            for (int p = 0; p < code.size(); p++) {
                Mir.MInsn mov = code.get(p);
                if (mov.isLabel() || mov.opcode != (ALU64 | MOV | X) || mov.off != 0) continue;
                int d = mov.dst, src = mov.src;
                if (!Mir.isVirtual(d) || !Mir.isVirtual(src) || d == src || uses[src] != 1) continue;
                int first = -1;
                for (int q = 0; q < p; q++) if (Mir.def(code.get(q)) == src || refers(code.get(q), src)) { first = q; break; }
                if (first < 0) continue;
                boolean ok = true;
                for (int q = first; q < p && ok; q++) {
                    Mir.MInsn m = code.get(q);
                    if (m.isLabel() || m.isJump() || m.isExit() || refers(m, d)) ok = false;
                }
                for (int q = p + 1; q < code.size() && ok; q++) if (refers(code.get(q), src)) ok = false;
                if (!ok) continue;
                for (int q = first; q < p; q++) {
                    Mir.MInsn m = code.get(q);
                    if (m.dst == src) m.dst = d;
                    if (m.src == src && cls(m.opcode) != LD) m.src = d;
                }
                code.remove(p);
                changed = true;
                break;
            }
        }
    }

    private static boolean refers(Mir.MInsn m, int reg) {
        if (m.isLabel()) return false;
        if (Mir.def(m) == reg) return true;
        for (int u : Mir.uses(m)) if (u == reg) return true;
        return false;
    }
}
