package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;

/**
 * Jump threading over what a branch fixed. Each edge of the control-flow graph carries the value ranges
 * {@link RangeBranchFolding}'s analysis knows along it: those at the end of its block, narrowed by the conditional
 * jump it leaves (and that jump's {@code !=} itself, which no range holds: a pointer tested non-null). Where such
 * an edge reaches a conditional jump with nothing before it but labels and gotos, and what the edge knows decides
 * that jump, the edge goes straight where the jump sends it, on through any further tests it decides. The shape
 * it is for: {@code if (s == -7) count the drop; if (s == -17) retry} tests {@code s} again after the count
 * although that path fixed it; threaded, the count's path leaves at once and its tail can merge with another.
 * Unlike the folding, which needs every path into a test to agree, each edge is decided on its own.
 * <p>
 * A jump is retargeted for free; a fall-through edge needs a goto of its own, so it is threaded only when its last
 * instructions are like those falling into the destination, a tail that tail merging shares next. Only facts the
 * kernel verifier derives from the same branches are used, so it follows the threaded paths as it followed the old.
 */
final class JumpThreading implements Pass {
    /** Each round threads every edge one analysis decides; a later round sees the edges the earlier made. */
    private static final int ROUNDS = 4;

    /** The label to jump to instead, for the edge leaving position {@code at} (its jump, or a fall-through). */
    private record Threading(int at, boolean fallThrough, Mir.Label to) {}

    /** Register {@code reg} is not {@code imm}: in all 64 bits ({@code wide}) or in its low 32. */
    private record NotEqual(int reg, int imm, boolean wide) {}

    @Override
    public void run(Mir mir) {
        // In a loop a threaded edge skips the join where the kernel verifier compares and prunes its states: each turn
        // then carries its paths apart, and a random program's loop went past the kernel's 8,192 pending branches.
        if (MirQueries.hasLoop(mir.code)) return;
        Set<Mir.Label> added = new HashSet<>();
        boolean changed = false;
        for (int round = 0; round < ROUNDS; round++) {
            List<Threading> found = edges(mir, added);
            if (found.isEmpty()) break;
            changed = true;
            // gotos go in from the back, so the positions of the others stay valid
            for (int k = found.size() - 1; k >= 0; k--) {
                Threading t = found.get(k);
                Mir.MInsn from = mir.code.get(t.at);
                if (from.isJump() && !t.fallThrough) { from.target = t.to; continue; }
                Mir.MInsn jump = new Mir.MInsn();
                jump.opcode = JMP | JA;
                jump.target = t.to;
                jump.line = from.line;
                mir.code.add(t.at + 1, jump);
            }
        }
        removeUnused(mir.code, added);
        if (changed) {
            // a test left with fewer ways in may now be decided on all of them: the folding drops it
            new RangeBranchFolding().run(mir);
            new JumpCleanup().run(mir);
            new DeadCodeElimination().run(mir);
        }
    }

    /**
     * The edges one analysis decides a test for, in code order: every jump, and the fall-through edges whose goto is
     * likely to cost nothing.
     */
    private static List<Threading> edges(Mir mir, Set<Mir.Label> added) {
        List<Mir.MInsn> code = mir.code;
        List<Threading> out = new ArrayList<>();
        if (code.isEmpty()) return out;
        labelFallThroughs(mir, added);
        MirBlocks blocks = new MirBlocks(code);
        RangeTransfer transfer = RangeTransfer.verifierView(code);
        Map<Integer, Interval>[] entry = RangeBranchFolding.analyse(code, blocks, transfer);
        Set<Mir.MInsn> kept = PacketOffsetChecks.of(mir);
        Map<Mir.Label, Integer> labels = new HashMap<>();
        for (int p = 0; p < code.size(); p++) if (code.get(p).isLabel()) labels.put(code.get(p).label, p);
        for (int b = 0; b < blocks.count; b++) {
            int end = blocks.end[b];
            Mir.MInsn last = code.get(end);
            if (entry[b] == null || last.isExit()) continue;
            Map<Integer, Interval> state = RangeBranchFolding.stateBefore(code, blocks.start[b], end, entry[b], transfer);
            if (last.isUnconditionalJump()) {
                Mir.Label to = destination(code, labels, labels.get(last.target), state, new ArrayList<>(), kept);
                if (to != null && to != last.target) out.add(new Threading(end, false, to));
                continue;
            }
            Map<Integer, Interval> fall;
            if (last.isJump()) {
                Map<Integer, Interval> taken = RangeConditions.refine(last, state, true);
                if (taken != null) {
                    Mir.Label to = destination(code, labels, labels.get(last.target), taken, notEqual(last, true), kept);
                    if (to != null && to != last.target) out.add(new Threading(end, false, to));
                }
                fall = RangeConditions.refine(last, state, false);
            } else {
                transfer.apply(last, state);
                fall = state;
            }
            if (fall == null || end + 1 >= code.size()) continue;
            Mir.Label to = destination(code, labels, end + 1, fall, notEqual(last, false), kept);
            if (to != null && endsLikeAnotherTail(code, labels, end, to)) out.add(new Threading(end, true, to));
        }
        return out;
    }

    /**
     * Where an edge entering code at position p, knowing state and known, ends up once the tests it meets first are
     * decided: the label to jump to instead, or null when it meets no test it decides. Labels and gotos are passed
     * through; a loop of decided tests is left as it is.
     */
    private static Mir.Label destination(List<Mir.MInsn> code, Map<Mir.Label, Integer> labels, int p, Map<Integer, Interval> state,
            List<NotEqual> known, Set<Mir.MInsn> kept) {
        int start = p, moved = -1;
        Set<Integer> seen = new HashSet<>();
        while (p >= 0 && p < code.size() && seen.add(p)) {
            Mir.MInsn m = code.get(p);
            if (m.isLabel()) { p++; continue; }
            if (m.isUnconditionalJump()) { p = labels.get(m.target); continue; }
            if (!m.isJump() || kept.contains(m)) break;
            RangeConditions.Outcome o = decide(m, state, known);
            if (o == RangeConditions.Outcome.UNKNOWN) break;
            boolean taken = o == RangeConditions.Outcome.ALWAYS;
            state = RangeConditions.refine(m, state, taken);
            if (state == null) break;
            known.addAll(notEqual(m, taken));
            p = taken ? labels.get(m.target) : p + 1;   // a label: every conditional jump is followed by one
            moved = p;
        }
        if (moved < 0 || sameLabelRun(code, start, moved)) return null;
        return code.get(moved).label;
    }

    private static RangeConditions.Outcome decide(Mir.MInsn test, Map<Integer, Interval> state, List<NotEqual> known) {
        RangeConditions.Outcome o = RangeConditions.decide(test, state);
        if (o != RangeConditions.Outcome.UNKNOWN || test.ref != null || source(test.opcode) != K) return o;
        int op = op(test.opcode);
        if (op != JEQ && op != JNE) return o;
        boolean wide = cls(test.opcode) == JMP;
        for (NotEqual n : known)
            // low halves that differ make the whole values differ; the other way round they may not
            if (n.reg == test.dst && n.imm == (int) test.imm && (n.wide == wide || !n.wide && wide))
                return op == JNE ? RangeConditions.Outcome.ALWAYS : RangeConditions.Outcome.NEVER;
        return o;
    }

    /**
     * What the way out of a {@code ==} or {@code !=} test against a constant says that no range holds. Only a 64-bit
     * test decides a 64-bit one: the kernel makes a pointer non-null on 64-bit tests alone.
     */
    private static List<NotEqual> notEqual(Mir.MInsn jump, boolean taken) {
        List<NotEqual> out = new ArrayList<>();
        if (!jump.isJump() || jump.isUnconditionalJump() || jump.ref != null || source(jump.opcode) != K) return out;
        int op = op(jump.opcode);
        if (op == JNE && taken || op == JEQ && !taken) out.add(new NotEqual(jump.dst, (int) jump.imm, cls(jump.opcode) == JMP));
        return out;
    }

    /**
     * Whether a goto to {@code to} put after position {@code end} would end a tail like the one falling into
     * {@code to} further on: two instructions alike before each, which tail merging then shares. Otherwise the goto a
     * fall-through edge needs would only add an instruction.
     */
    private static boolean endsLikeAnotherTail(List<Mir.MInsn> code, Map<Mir.Label, Integer> labels, int end, Mir.Label to) {
        int q = labels.get(to);
        while (q > 0 && code.get(q - 1).isLabel()) q--;
        if (end < 1 || q < 2 || end >= q) return false;   // tail merging shares a tail with one falling in after it
        Mir.MInsn b1 = code.get(end), b2 = code.get(end - 1), f1 = code.get(q - 1), f2 = code.get(q - 2);
        if (b1.isLabel() || b2.isLabel() || f1.isLabel() || f2.isLabel() || f1.isJump() || f1.isExit()) return false;
        return TailMerging.alike(b1, f1) && TailMerging.alike(b2, f2);
    }

    /** Whether positions a and b lie in one run of consecutive labels: the same place in the code. */
    private static boolean sameLabelRun(List<Mir.MInsn> code, int a, int b) {
        int lo = Math.min(a, b), hi = Math.max(a, b);
        for (int p = lo; p <= hi; p++) if (!code.get(p).isLabel()) return false;
        return true;
    }

    /** Puts a label after every conditional jump that has none, so its fall-through way can be a jump's target. */
    private static void labelFallThroughs(Mir mir, Set<Mir.Label> added) {
        List<Mir.MInsn> code = mir.code;
        for (int p = 0; p < code.size(); p++) {
            Mir.MInsn m = code.get(p);
            if (!m.isJump() || m.isUnconditionalJump() || p + 1 < code.size() && code.get(p + 1).isLabel()) continue;
            Mir.MInsn l = new Mir.MInsn();
            l.label = mir.newLabel();
            added.add(l.label);
            code.add(p + 1, l);
        }
    }

    /** The labels this pass put in that no jump took: they would split tails that tail merging compares. */
    private static void removeUnused(List<Mir.MInsn> code, Set<Mir.Label> added) {
        Set<Mir.Label> used = new HashSet<>();
        for (Mir.MInsn m : code) if (m.isJump()) used.add(m.target);
        for (Iterator<Mir.MInsn> it = code.iterator(); it.hasNext(); ) {
            Mir.MInsn m = it.next();
            if (m.isLabel() && added.contains(m.label) && !used.contains(m.label)) it.remove();
        }
    }
}
