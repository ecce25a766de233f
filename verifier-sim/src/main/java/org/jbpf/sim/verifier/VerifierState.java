package org.jbpf.sim.verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** The abstract machine state on one path: call frames and the references (ring buffer records) held. */
public final class VerifierState {
    public final List<FrameState> frames;
    /** Held reference id -> instruction index that acquired it. */
    public final TreeMap<Integer, Integer> refs;
    /** How many may_goto loop bodies this path has entered: states of different depths may prune each other. */
    public int mayGotoDepth;
    /**
     * bpf_loop rounds this path has begun (the kernel's callback_unroll_depth): states of different rounds are never
     * the same loop making no progress.
     */
    public int callbackUnrollDepth;

    public VerifierState(List<FrameState> frames, TreeMap<Integer, Integer> refs) {
        this.frames = frames;
        this.refs = refs;
    }

    public VerifierState copy() {
        List<FrameState> f = new ArrayList<>(frames.size());
        for (FrameState s : frames) f.add(s.copy());
        VerifierState c = new VerifierState(f, new TreeMap<>(refs));
        c.mayGotoDepth = mayGotoDepth;
        c.callbackUnrollDepth = callbackUnrollDepth;
        return c;
    }

    public FrameState frame() { return frames.get(frames.size() - 1); }
    public RegState reg(int r) { return frame().regs[r]; }
    public void set(int r, RegState v) { frame().regs[r] = v; }

    /** Applies {@code f} to every register and spilled register of every frame. */
    public void mapAll(UnaryOperator<RegState> f) {
        for (FrameState fs : frames) {
            for (int r = 0; r < fs.regs.length; r++) fs.regs[r] = f.apply(fs.regs[r]);
            fs.stack.mapSpills(f);
        }
    }

    public boolean safeWhere(VerifierState old) { return safeWhere(old, null, null); }

    /** As {@link #safeWhere(VerifierState)}, comparing only the registers and slots live in each frame (null: all). */
    public boolean safeWhere(VerifierState old, int[] liveRegs, long[] liveSlots) {
        int[] regs = new int[frames.size()];
        long[] slots = new long[frames.size()];
        java.util.Arrays.fill(regs, ALL_REGS);
        java.util.Arrays.fill(slots, -1L);
        return safeWhere(old, regs, slots, liveRegs, liveSlots);
    }

    private static final int ALL_REGS = (1 << 11) - 1;

    /**
     * True when every behaviour from this state is covered by {@code old}'s; scalar registers and spilled scalars
     * of frame i outside {@code preciseRegs[i]} and {@code preciseSlots[i]} only need to be scalars in both, and
     * registers and slots outside {@code liveRegs[i]} and {@code liveSlots[i]} (when given) are not compared:
     * nothing reads them again.
     */
    public boolean safeWhere(VerifierState old, int[] preciseRegs, long[] preciseSlots, int[] liveRegs, long[] liveSlots) {
        if (frames.size() != old.frames.size() || refs.size() != old.refs.size()) return false;
        ScalarLinks links = new ScalarLinks();
        for (int i = 0; i < frames.size(); i++)
            if (!frames.get(i).safeWhere(old.frames.get(i), preciseRegs[i], preciseSlots[i],
                    liveRegs == null ? ALL_REGS : liveRegs[i] | 1 << 10, liveSlots == null ? -1L : liveSlots[i], links)) return false;
        // the references held, in the order they were acquired, paired as the registers holding them were
        java.util.Iterator<Integer> mine = refs.keySet().iterator(), theirs = old.refs.keySet().iterator();
        while (mine.hasNext()) if (!links.pointerIds.pair(theirs.next(), mine.next())) return false;
        return true;
    }

    /**
     * Whether this state lies within {@code old} as the kernel compares the states of a loop (its RANGE_WITHIN): at an
     * iterator's next call, a bpf_loop call and a may_goto, and wherever a state of a loop whose precision is still
     * incomplete is compared ({@link LoopVisits}). The live registers ({@code liveRegs}, per frame) and every stack
     * byte old had allocated are compared by ranges and exact kinds, precision aside; {@code forgotten} (per frame,
     * null: none) are the stack slots the kernel had cleared from old as dead ({@link Checkpoint#cleaned}).
     */
    public boolean rangeWithin(VerifierState old, int[] liveRegs, long[] forgotten) {
        if (frames.size() != old.frames.size() || refs.size() != old.refs.size()) return false;
        ScalarLinks links = new ScalarLinks();
        for (int i = 0; i < frames.size(); i++)
            if (!frames.get(i).rangeWithin(old.frames.get(i), liveRegs[i] | 1 << 10, forgotten == null ? 0 : forgotten[i], links)) return false;
        java.util.Iterator<Integer> mine = refs.keySet().iterator(), theirs = old.refs.keySet().iterator();
        while (mine.hasNext()) if (!links.pointerIds.pair(theirs.next(), mine.next())) return false;
        return true;
    }

    /** Same state up to the numbering of ids and references, as the kernel compares exactly: what makes a loop that cannot make progress. */
    public boolean sameAs(VerifierState o) {
        if (mayGotoDepth != o.mayGotoDepth || callbackUnrollDepth != o.callbackUnrollDepth || frames.size() != o.frames.size() || refs.size() != o.refs.size()) return false;
        IdPairs ids = new IdPairs();
        for (int f = 0; f < frames.size(); f++) if (!frames.get(f).sameAs(o.frames.get(f), ids)) return false;
        // the references held, in the order they were acquired
        java.util.Iterator<Integer> mine = refs.keySet().iterator(), theirs = o.refs.keySet().iterator();
        while (mine.hasNext()) if (!ids.pair(mine.next(), theirs.next())) return false;
        return true;
    }
}
