package org.jbpf.translator.mir;

import java.util.BitSet;
import java.util.List;

/**
 * Which virtual registers are live on entry to and on exit from each basic block: read on some path before being
 * written. One backward data-flow pass, shared by the passes that need it and by the register allocator.
 */
public final class VregLiveness {
    public final MirBlocks blocks;
    private final BitSet[] in, out;

    public VregLiveness(List<Mir.MInsn> code, int vregs) {
        this(code, vregs, false);
    }

    /**
     * With {@code physicalToo}, physical registers count as well as virtual ones, for passes that also run on
     * allocated code; {@code vregs} then bounds every register number.
     */
    public VregLiveness(List<Mir.MInsn> code, int vregs, boolean physicalToo) {
        blocks = new MirBlocks(code);
        int nb = blocks.count;
        BitSet[] use = new BitSet[nb], def = new BitSet[nb];
        in = new BitSet[nb];
        out = new BitSet[nb];
        for (int b = 0; b < nb; b++) {
            use[b] = new BitSet(vregs);
            def[b] = new BitSet(vregs);
            in[b] = new BitSet(vregs);
            out[b] = new BitSet(vregs);
            for (int p = blocks.start[b]; p <= blocks.end[b]; p++) {
                Mir.MInsn m = code.get(p);
                for (int u : Mir.uses(m)) if (counted(u, physicalToo) && !def[b].get(u)) use[b].set(u);
                int d = Mir.def(m);
                if (counted(d, physicalToo)) def[b].set(d);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = nb - 1; b >= 0; b--) {
                BitSet o = new BitSet(vregs);
                for (int s : blocks.succ.get(b)) o.or(in[s]);
                BitSet live = (BitSet) o.clone();
                live.andNot(def[b]);
                live.or(use[b]);
                if (!o.equals(out[b]) || !live.equals(in[b])) { out[b] = o; in[b] = live; changed = true; }
            }
        }
    }

    private static boolean counted(int reg, boolean physicalToo) {
        return physicalToo ? reg >= 0 : Mir.isVirtual(reg);
    }

    /** The vregs live on entry to block b. */
    public BitSet in(int b) { return in[b]; }

    /** The vregs live on exit from block b. */
    public BitSet out(int b) { return out[b]; }

    /** Whether vreg v is live just before position p, p being the first instruction of its block. */
    public boolean liveAtBlockStart(int p, int v) { return in[blocks.blockOf[p]].get(v); }
}
