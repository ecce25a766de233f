package org.jbpf.sim.verifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's bookkeeping of loops still being explored (6.17 and later). A state kept inside a loop
 * ({@link LoopComponents}) belongs to the loop's visit for its chain of call sites; the first such state on a path is
 * the visit's entry. When a state in the loop is found covered by one kept earlier in it (an iterator's loop
 * converging, a may_goto loop cut short, or any state of the loop while such a cut is pending), the precision marks of
 * the covering state may still be incomplete: the paths below it are not all explored. The kernel then remembers the
 * cut (a backedge) and, until the entry's paths are all explored, compares the loop's states by the ranges of all
 * their scalars, not only the precise ones. When they are, it carries the covering states' precision to the cut paths
 * until nothing changes (at most 64 rounds, then every scalar of the cut paths is precise), and the visit starts over.
 */
final class LoopVisits {
    private static final int MAX_ROUNDS = 64;
    private static final boolean TRACE = Boolean.getBoolean("jbpf.sim.trace");

    private final LoopComponents components;
    private final Map<Chain, Visit> visits = new HashMap<>();

    LoopVisits(LoopComponents components) { this.components = components; }

    /** A loop's component and the call sites leading to it (the kernel's bpf_scc_callchain). */
    static final class Chain {
        private final int[] callSites;
        private final int component;

        private Chain(int[] callSites, int component) {
            this.callSites = callSites;
            this.component = component;
        }

        @Override public boolean equals(Object o) {
            return o instanceof Chain c && component == c.component && Arrays.equals(callSites, c.callSites);
        }

        @Override public int hashCode() { return Arrays.hashCode(callSites) * 31 + component; }
    }

    private static final class Visit {
        Checkpoint entry;
        final List<Backedge> backedges = new ArrayList<>();
    }

    /** A path cut because {@code equal} covered it: what the path needs exactly follows what {@code equal} needs. */
    private record Backedge(Checkpoint equal, Checkpoint last, History recent, int frame, int[] liveRegs, long[] liveSlots) {}

    /**
     * The chain of a state at {@code pc}: the outermost frame whose instruction (its call site's, for a caller) is in a
     * loop names the component; the call sites of the frames outside it lead there. Null when no frame is in a loop.
     */
    Chain chainOf(VerifierState st, int pc) {
        int n = st.frames.size();
        int[] sites = new int[n - 1];
        for (int i = 0; i < n; i++) {
            int at = i < n - 1 ? st.frames.get(i + 1).callSite : pc;
            int c = components.of(at);
            if (c != 0) return new Chain(Arrays.copyOf(sites, i), c);
            if (i < n - 1) sites[i] = at;
        }
        return null;
    }

    /** A state was kept: the first one kept in a loop's visit is its entry. */
    void enter(Checkpoint cp) {
        if (cp.chain == null) return;
        Visit v = visits.get(cp.chain);
        if (v == null) visits.put(cp.chain, v = new Visit());
        if (v.entry == null) {
            v.entry = cp;
            if (TRACE) System.out.println("TRACE SCC enter at " + cp.pc);
        }
    }

    /** True when {@code cp} is in a loop whose visit has cut paths waiting: its precision marks may be incomplete. */
    boolean incomplete(Checkpoint cp) {
        if (cp.chain == null) return false;
        Visit v = visits.get(cp.chain);
        return v != null && !v.backedges.isEmpty();
    }

    /** The current path, run from {@code last} through {@code recent}, was cut because {@code equal} covered it. */
    void cut(Checkpoint equal, Checkpoint last, History recent, int frame, int[] liveRegs, long[] liveSlots) {
        if (equal.chain == null) return;
        Visit v = visits.get(equal.chain);
        if (v == null) visits.put(equal.chain, v = new Visit());
        if (TRACE) System.out.println("TRACE SCC backedge");
        v.backedges.add(new Backedge(equal, last, recent.copy(), frame, liveRegs, liveSlots));
    }

    /** Every path below {@code cp} is explored: when it is a visit's entry, the visit's marks are completed and it ends. */
    void exit(Checkpoint cp, Precision precision) {
        if (cp.chain == null) return;
        Visit v = visits.get(cp.chain);
        if (v == null || v.entry != cp) return;
        v.entry = null;
        if (TRACE) System.out.println("TRACE SCC exit");
        for (int round = 0; !v.backedges.isEmpty(); round++) {
            if (round > MAX_ROUNDS) {
                for (Backedge b : v.backedges) precision.markAllFrom(b.last());
                break;
            }
            long before = precision.marks();
            for (Backedge b : v.backedges) precision.markCovered(b.equal(), b.frame(), b.recent(), b.last(), b.liveRegs(), b.liveSlots());
            if (precision.marks() == before) break;
        }
        v.backedges.clear();
    }
}
