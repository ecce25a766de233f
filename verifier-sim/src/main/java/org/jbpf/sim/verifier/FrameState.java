package org.jbpf.sim.verifier;

import java.util.Arrays;

/** Registers and stack of one call frame, and where the frame returns to. */
public final class FrameState {
    public final RegState[] regs;
    public final StackState stack;
    /** Instruction index of the call that made this frame, -1 for the main program. */
    public final int callSite;
    /** Instruction index where this frame's function starts. */
    public final int function;

    /** True when a helper (bpf_loop) calls this frame's function back: its exit returns 0 or 1 to the helper. */
    public final boolean callback;
    /** Calls of a bpf_loop body this frame has made on this path since its last bpf_loop went on (the kernel's callback_depth). */
    int callbackDepth;

    public FrameState(RegState[] regs, StackState stack, int callSite, int function) {
        this(regs, stack, callSite, function, false);
    }

    public FrameState(RegState[] regs, StackState stack, int callSite, int function, boolean callback) {
        this.regs = regs;
        this.stack = stack;
        this.callSite = callSite;
        this.function = function;
        this.callback = callback;
    }

    public FrameState copy() {
        FrameState f = new FrameState(regs.clone(), stack.copy(), callSite, function, callback);
        f.callbackDepth = callbackDepth;
        return f;
    }

    public boolean safeWhere(FrameState old) { return safeWhere(old, (1 << 11) - 1, -1L, (1 << 11) - 1, -1L, new ScalarLinks()); }

    /**
     * True when this frame is safe wherever {@code old} was. Registers outside {@code liveRegs} are never read again
     * and stack slots outside {@code liveSlots} are never read again (the kernel forgets them in kept states);
     * scalars outside {@code preciseRegs} only need to be scalars.
     */
    boolean safeWhere(FrameState old, int preciseRegs, long preciseSlots, int liveRegs, long liveSlots, ScalarLinks links) {
        if (callSite != old.callSite) return false;
        // a frame that has begun more bpf_loop rounds than this one has fewer left to follow: it covers none of them
        if (old.callbackDepth > callbackDepth) return false;
        for (int r = 0; r < regs.length; r++) {
            if ((liveRegs & (1 << r)) == 0) continue;
            boolean imprecise = (preciseRegs & (1 << r)) == 0 && regs[r].type() == RegType.SCALAR && old.regs[r].type() == RegType.SCALAR;
            if (!imprecise && !regs[r].safeWhere(old.regs[r], links)) return false;
        }
        return stack.safeWhere(old.stack, preciseSlots, liveSlots, links);
    }

    /**
     * The kernel's comparison of a loop's frames (RANGE_WITHIN): every live register and the whole stack lie within
     * {@code old}'s ({@link RegState#withinRange}, {@link StackState#rangeWithin}); {@code forgotten} are the stack
     * slots the kernel had cleared from old as dead.
     */
    boolean rangeWithin(FrameState old, int liveRegs, long forgotten, ScalarLinks links) {
        if (callSite != old.callSite || old.callbackDepth > callbackDepth) return false;
        for (int r = 0; r < regs.length; r++)
            if ((liveRegs & (1 << r)) != 0 && !regs[r].withinRange(old.regs[r], links)) return false;
        return stack.rangeWithin(old.stack, forgotten, links);
    }

    /** True when {@code o} is this frame exactly, ids paired by {@code ids}. */
    boolean sameAs(FrameState o, IdPairs ids) {
        if (callSite != o.callSite || function != o.function || callback != o.callback) return false;
        for (int r = 0; r < regs.length; r++) if (!regs[r].sameAs(o.regs[r], ids)) return false;
        return stack.sameAs(o.stack, ids);
    }

    @Override public boolean equals(Object o) {
        return o instanceof FrameState f && callSite == f.callSite && Arrays.equals(regs, f.regs) && stack.equals(f.stack);
    }

    @Override public int hashCode() { return Arrays.hashCode(regs) * 31 + callSite; }
}
