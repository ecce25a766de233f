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

    public VerifierState(List<FrameState> frames, TreeMap<Integer, Integer> refs) {
        this.frames = frames;
        this.refs = refs;
    }

    public VerifierState copy() {
        List<FrameState> f = new ArrayList<>(frames.size());
        for (FrameState s : frames) f.add(s.copy());
        return new VerifierState(f, new TreeMap<>(refs));
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

    public boolean safeWhere(VerifierState old) { return safeWhere(old, (1 << 11) - 1, -1L); }

    /**
     * True when every behaviour from this state is covered by {@code old}'s; scalar registers of the current frame
     * outside {@code preciseRegs} only need to be scalars in both.
     */
    public boolean safeWhere(VerifierState old, int preciseRegs, long preciseSlots) {
        if (frames.size() != old.frames.size() || !refs.keySet().equals(old.refs.keySet())) return false;
        int top = frames.size() - 1;
        for (int i = 0; i < frames.size(); i++)
            if (!frames.get(i).safeWhere(old.frames.get(i), i == top ? preciseRegs : (1 << 11) - 1, i == top ? preciseSlots : -1L))
                return false;
        return true;
    }

    /** Same state up to the numbering of pointer ids: what makes a loop that cannot make progress. */
    public boolean sameAs(VerifierState o) {
        return frames.equals(o.frames) && refs.keySet().equals(o.refs.keySet());
    }
}
