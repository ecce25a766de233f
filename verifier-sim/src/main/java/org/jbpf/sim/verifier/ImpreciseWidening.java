package org.jbpf.sim.verifier;

/**
 * The kernel's widening of imprecise scalars (its widen_imprecise_scalars), done where a loop goes round again: the
 * next iteration of a numeric iterator, the next round of a bpf_loop body back at its call, the body of a may_goto one
 * level deeper. A scalar, in a register or spilled to the stack, that differs from the same one in the state kept there
 * one iteration earlier and that no check needed exactly there becomes unknown, so that the loop's states soon lie
 * within each other. "Differs" is the kernel's exact comparison, ids paired: scalars that only got new ids keep their
 * bounds. A spilled scalar is replaced in place, so a narrow spill stays as narrow as it was.
 */
final class ImpreciseWidening {
    private ImpreciseWidening() {}

    /** Widens {@code st} against {@code previous}, the state kept at the same instruction one iteration earlier. */
    static void widen(Checkpoint previous, VerifierState st) {
        if (previous.allPrecise || previous.state.frames.size() != st.frames.size()) return;
        IdPairs ids = new IdPairs();
        for (int f = st.frames.size() - 1; f >= 0; f--) {
            FrameState now = st.frames.get(f), before = previous.state.frames.get(f);
            for (int r = 0; r < now.regs.length; r++)
                if ((previous.preciseRegs[f] & (1 << r)) == 0 && changed(before.regs[r], now.regs[r], ids)) now.regs[r] = RegState.UNKNOWN_SCALAR;
            for (int k = 0; k < StackState.SIZE / 8; k++) {
                int off = 8 * k - StackState.SIZE;
                RegState b = before.stack.spillAt(off), n = now.stack.spillAt(off);
                if ((previous.preciseSlots[f] & (1L << k)) == 0 && b != null && n != null && changed(b, n, ids))
                    now.stack.replaceSpill(off, RegState.UNKNOWN_SCALAR);
            }
        }
    }

    private static boolean changed(RegState before, RegState now, IdPairs ids) {
        return before.isScalar() && now.isScalar() && !before.sameAs(now, ids);
    }
}
