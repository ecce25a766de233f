package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;

/**
 * Value ranges: the range of every register at every point, computed to a fixpoint over the control-flow graph
 * (ranges narrowed by each branch taken or not, joined where paths meet, widened on loops), and every conditional
 * jump whose outcome the ranges fix is made unconditional or removed. That drops the array index check after
 * {@code Math.min(i, 31)}, a compare after a mask, the bound of a log2 bucket: checks the kernel verifier proves
 * redundant too, since it follows the same instructions path by path. A 32-bit move of a value that fits 32 bits
 * becomes a plain copy.
 */
final class RangeBranchFolding implements Pass {
    /** How often a block's entry may grow before its moving bounds are widened. */
    private static final int VISITS_BEFORE_WIDENING = 3;

    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        if (code.isEmpty()) return;
        MirBlocks blocks = new MirBlocks(code);
        RangeTransfer transfer = RangeTransfer.verifierView(code);
        Map<Integer, Interval>[] entry = analyse(code, blocks, transfer);
        java.util.Set<Mir.MInsn> kept = PacketOffsetChecks.of(mir);
        boolean changed = false;
        for (int b = blocks.count - 1; b >= 0; b--) {
            if (entry[b] == null) continue;   // no value reaches it; unreachable-code removal decides on its own
            Map<Integer, Interval> state = new HashMap<>(entry[b]);
            for (int p = blocks.start[b]; p < blocks.end[b]; p++) {
                changed |= plainCopy(code.get(p), state);
                transfer.apply(code.get(p), state);
            }
            Mir.MInsn last = code.get(blocks.end[b]);
            if (!last.isJump() || last.isUnconditionalJump()) { changed |= plainCopy(last, state); continue; }
            if (kept.contains(last)) continue;
            switch (RangeConditions.decide(last, state)) {
                case ALWAYS -> { makeUnconditional(last); changed = true; }
                case NEVER -> { code.remove(blocks.end[b]); changed = true; }
                default -> { }
            }
        }
        if (changed) {
            UnreachableCodeElimination.removeUnreachable(code);
            new DeadCodeElimination().run(mir);
        }
    }

    /** The range state at the entry of every block (null where no value reaches it). */
    @SuppressWarnings("unchecked")
    static Map<Integer, Interval>[] analyse(List<Mir.MInsn> code, MirBlocks blocks, RangeTransfer transfer) {
        Map<Integer, Interval>[] entry = new Map[blocks.count];
        int[] visits = new int[blocks.count];
        Map<Mir.Label, Integer> blockOfLabel = new HashMap<>();
        for (int b = 0; b < blocks.count; b++) {
            Mir.MInsn first = code.get(blocks.start[b]);
            if (first.isLabel()) blockOfLabel.put(first.label, b);
        }
        TreeSet<Integer> work = new TreeSet<>();
        entry[0] = new HashMap<>();
        work.add(0);
        while (!work.isEmpty()) {
            int b = work.pollFirst();
            Mir.MInsn last = code.get(blocks.end[b]);
            Map<Integer, Interval> state = stateBefore(code, blocks.start[b], blocks.end[b], entry[b], transfer);
            if (last.isExit()) continue;
            if (last.isUnconditionalJump()) {
                flow(b, blockOfLabel.get(last.target), state, entry, visits, work);
            } else if (last.isJump()) {
                flow(b, blockOfLabel.get(last.target), RangeConditions.refine(last, state, true), entry, visits, work);
                if (b + 1 < blocks.count) flow(b, b + 1, RangeConditions.refine(last, state, false), entry, visits, work);
            } else {
                transfer.apply(last, state);
                if (b + 1 < blocks.count) flow(b, b + 1, state, entry, visits, work);
            }
        }
        return entry;
    }

    /** The state just before position {@code end}, from the block's entry state at {@code start}. */
    static Map<Integer, Interval> stateBefore(List<Mir.MInsn> code, int start, int end, Map<Integer, Interval> entry,
            RangeTransfer transfer) {
        Map<Integer, Interval> state = new HashMap<>(entry);
        for (int p = start; p < end; p++) transfer.apply(code.get(p), state);
        return state;
    }

    /**
     * Joins the state leaving block {@code from} into the entry of block {@code to}. Widening happens only on back
     * edges (to a block not after {@code from}): every loop has one, and the loop body keeps the bound its test gives.
     */
    private static void flow(int from, int to, Map<Integer, Interval> state, Map<Integer, Interval>[] entry, int[] visits,
            TreeSet<Integer> work) {
        if (state == null) return;   // no value goes this way
        Map<Integer, Interval> old = entry[to];
        Map<Integer, Interval> merged;
        if (old == null) {
            merged = state;
        } else {
            merged = new HashMap<>();
            boolean widen = from >= to && ++visits[to] > VISITS_BEFORE_WIDENING;
            for (Map.Entry<Integer, Interval> e : old.entrySet()) {
                Interval other = state.get(e.getKey());
                if (other == null) continue;   // unknown on the new path: unknown after the join
                Interval joined = e.getValue().join(other);
                RangeTransfer.set(merged, e.getKey(), widen ? e.getValue().widen(joined) : joined);
            }
            if (merged.equals(old)) return;
        }
        entry[to] = merged;
        work.add(to);
    }

    /**
     * A 32-bit move of a value already within 32 bits zero-extends nothing: it becomes a plain copy, which copy
     * propagation and the allocator can then remove (the move after {@code Math.min(log2(n), 31)}, for one).
     */
    private static boolean plainCopy(Mir.MInsn m, Map<Integer, Interval> state) {
        if (m.isLabel() || m.opcode != (ALU | MOV | X) || m.off != 0) return false;
        if (!RangeTransfer.get(state, m.src).within(0, 0xffffffffL)) return false;
        m.opcode = ALU64 | MOV | X;
        return true;
    }

    private static void makeUnconditional(Mir.MInsn jump) {
        jump.opcode = JMP | JA;
        jump.dst = 0;
        jump.src = 0;
        jump.imm = 0;
    }
}
