package org.jbpf.sim.verifier;

/**
 * A state remembered at a prune point, as the kernel keeps its explored states: the state itself, the checkpoint
 * before it on the same path and the instructions run between the two, how many paths below it are still pending
 * (it may prune others only when none is), and which of its scalars, frame by frame, later paths found they needed
 * exactly ({@link Precision}).
 */
final class Checkpoint {
    final VerifierState state;
    /** The instruction it was kept at, and the loop visit it belongs to ({@link LoopVisits}; null outside loops). */
    final int pc;
    LoopVisits.Chain chain;
    final Checkpoint parent;
    /** Checkpoints above it on its path (the kernel's dfs_depth): an earlier round or iteration is one less deep. */
    final int depth;
    /** The path from {@code parent} to here, as {@link History} entries; null when it was too long to keep. */
    final int[] segment;
    int branches = 1;
    /** Times this state pruned another, and times it was compared in vain: the kernel drops states that keep missing. */
    int hits, misses;
    /** Per call frame: registers (bit r) and stack slots (bit k: frame offset 8k - 512) needed exactly. */
    final int[] preciseRegs;
    final long[] preciseSlots;
    /** Every scalar is needed exactly: precision could not be traced back (the kernel's mark_all_scalars_precise). */
    boolean allPrecise;
    /**
     * Part of a may_goto loop cut short by comparing ranges: states are compared to this one by the ranges of all
     * their scalars, as the kernel compares states of a loop still being explored, while what it needs exactly
     * stays what later paths found.
     */
    boolean rangesExact;
    /**
     * The kernel has forgotten this finished state's dead registers and stack slots (its clean_live_states): compared
     * as a loop's state, a slot it forgot holds nothing.
     */
    boolean cleaned;
    /** Dropped from its instruction's list for missing too often: the kernel frees it once its paths are all explored. */
    boolean evicted;
    /**
     * The kernel has freed this state (evicted, finished, and not in a loop whose precision is incomplete). A cut
     * path of a loop still being explored may lead back through it, and walking that path reads freed memory.
     */
    boolean freed;

    Checkpoint(VerifierState state, int pc, Checkpoint parent, int[] segment) {
        this.state = state;
        this.pc = pc;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.segment = segment;
        this.preciseRegs = new int[state.frames.size()];
        this.preciseSlots = new long[state.frames.size()];
    }

    /**
     * True when every behaviour from {@code st} is covered by this checkpoint's, given what it needs exactly and
     * which registers and stack slots are still live in each frame ({@link Liveness}, {@link StackLiveness}).
     */
    boolean covers(VerifierState st, int[] liveRegs, long[] liveSlots) {
        return allPrecise || rangesExact ? st.safeWhere(state, liveRegs, liveSlots)
                : st.safeWhere(state, preciseRegs, preciseSlots, liveRegs, liveSlots);
    }
}
