package org.jbpf.sim.verifier;

import java.util.List;
import org.jbpf.core.asm.Insn;

/**
 * Where control goes after each instruction (a call returns to the next one; an exit goes nowhere), and the backward
 * fixpoint the liveness passes ({@link Liveness}, {@link StackLiveness}) share over it.
 */
final class Successors {
    private static final int[] NONE = {};

    /** Successors of each instruction; {@code insns.size()} stands for running off the end. */
    private final int[][] next;

    Successors(List<Insn> insns, VerifierContext cx) {
        int n = insns.size();
        next = new int[n][];
        for (int pc = 0; pc < n; pc++) {
            Insn in = insns.get(pc);
            if (in.isExit()) next[pc] = NONE;
            else if (!in.isJump()) next[pc] = new int[] { pc + 1 };
            else {
                int target = cx.targetIndex(pc, in.jumpOffset(), false);
                next[pc] = in.isConditionalJump() ? new int[] { target, pc + 1 } : new int[] { target };
            }
        }
    }

    int size() { return next.length; }

    /** The instructions control may reach right after {@code pc}; {@link #size()} when it runs off the end. */
    int[] of(int pc) { return next[pc]; }

    /** What an instruction makes of the set live after it (the union over its successors). */
    interface Transfer { long before(int pc, long after); }

    /**
     * The least solution of {@code live(pc) = t(pc, union of live(s) over the successors s)}, with {@code atEnd} the
     * set live past the last instruction: what the kernel's liveness computes, for registers or stack slots.
     */
    long[] liveBefore(Transfer t, long atEnd) {
        int n = next.length;
        long[] live = new long[n];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int pc = n - 1; pc >= 0; pc--) {
                long out = 0;
                for (int s : next[pc]) out |= s < n ? live[s] : atEnd;
                long in = t.before(pc, out);
                if (in != live[pc]) { live[pc] = in; changed = true; }
            }
        }
        return live;
    }
}
