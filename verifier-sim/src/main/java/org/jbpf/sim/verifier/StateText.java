package org.jbpf.sim.verifier;

/**
 * A kept or current state written out for {@code -Djbpf.sim.trace=true}, frame by frame in the kernel log's manner:
 * registers, then each written stack slot (spilled registers by value, other bytes as {@code m} for unknown, {@code 0}
 * for zero and {@code ?} for unwritten), precise ones starred, so a pruning can be set beside the kernel's states.
 */
final class StateText {
    private StateText() {}

    static String of(VerifierState st, int[] preciseRegs, long[] preciseSlots) {
        StringBuilder b = new StringBuilder();
        for (int f = 0; f < st.frames.size(); f++) {
            FrameState fs = st.frames.get(f);
            b.append(" frame").append(f).append(fs.callbackDepth > 0 ? "(cbdepth " + fs.callbackDepth + ")" : "").append(':');
            for (int r = 0; r < fs.regs.length; r++) {
                if (!fs.regs[r].isInit()) continue;
                boolean p = preciseRegs != null && (preciseRegs[f] & 1 << r) != 0;
                b.append(" R").append(r).append('=').append(p ? "P" : "").append(fs.regs[r]);
            }
            for (int slot = 0; slot < StackState.SIZE / 8; slot++) {
                int off = slot * 8 - StackState.SIZE;
                StringBuilder bytes = new StringBuilder();
                boolean any = false;
                for (int i = 0; i < 8; i++) {
                    byte k = fs.stack.kindAt(off + i);
                    any |= k != StackState.INVALID;
                    bytes.append(k == StackState.INVALID ? '?' : k == StackState.ZERO ? '0' : k == StackState.SPILL ? 's' : 'm');
                }
                if (!any) continue;
                boolean p = preciseSlots != null && (preciseSlots[f] & 1L << slot) != 0;
                RegState spill = fs.stack.spillAt(off);
                b.append(" fp").append(off).append('=').append(p ? "P" : "").append(spill != null ? spill.toString() : bytes);
            }
        }
        return b.toString();
    }
}
