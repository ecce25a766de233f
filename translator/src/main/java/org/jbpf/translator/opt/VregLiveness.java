package org.jbpf.translator.opt;

import java.util.BitSet;
import java.util.List;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;

/** Which virtual registers are live on entry to each basic block: read on some path before being written. */
final class VregLiveness {
    final MirBlocks blocks;
    private final BitSet[] in;

    VregLiveness(List<Mir.MInsn> code, int vregs) {
        blocks = new MirBlocks(code);
        int nb = blocks.count;
        BitSet[] use = new BitSet[nb], def = new BitSet[nb];
        in = new BitSet[nb];
        for (int b = 0; b < nb; b++) {
            use[b] = new BitSet(vregs);
            def[b] = new BitSet(vregs);
            in[b] = new BitSet(vregs);
            for (int p = blocks.start[b]; p <= blocks.end[b]; p++) {
                Mir.MInsn m = code.get(p);
                for (int u : Mir.uses(m)) if (Mir.isVirtual(u) && !def[b].get(u)) use[b].set(u);
                int d = Mir.def(m);
                if (Mir.isVirtual(d)) def[b].set(d);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = nb - 1; b >= 0; b--) {
                BitSet live = new BitSet(vregs);
                for (int s : blocks.succ.get(b)) live.or(in[s]);
                live.andNot(def[b]);
                live.or(use[b]);
                if (!live.equals(in[b])) { in[b] = live; changed = true; }
            }
        }
    }

    /** Whether vreg v is live just before position p, p being the first instruction of its block. */
    boolean liveAtBlockStart(int p, int v) { return in[blocks.blockOf[p]].get(v); }
}
