package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * A jump is retargeted for free; a fall-through edge needs a goto of its own, so it is threaded only when the code
 * with it is smaller once tails are merged, which a trial on a copy shows. Only facts the kernel verifier derives
 * from the same branches are used, so it follows the threaded paths just as it followed the old ones.
 */
final class JumpThreading implements Pass {
    /** Each round threads every jump one analysis decides; a later round sees the edges the earlier made. */
    private static final int ROUNDS = 4;
    /** Fall-through edges tried at most per program, each trial a copy through tail merging. */
    private static final int TRIALS = 16;

    /** The label to jump to instead, for the edge leaving position {@code at} (its jump, or a fall-through). */
    private record Threading(int at, Mir.Label to) {}

    /** Register {@code reg} is not {@code imm}: in all 64 bits ({@code wide}) or in its low 32. */
    private record NotEqual(int reg, int imm, boolean wide) {}

    @Override
    public void run(Mir mir) {
        Set<Mir.Label> added = new HashSet<>();
        boolean changed = threadJumps(mir, added);
        Set<Mir.MInsn> refused = new HashSet<>();
        int trials = 0;
        boolean more = true;
        while (more && trials < TRIALS) {
            more = false;
            int baseline = -1;
            for (Threading t : edges(mir, added, true)) {
                if (trials >= TRIALS) break;
                Mir.MInsn from = mir.code.get(t.at);
                if (refused.contains(from)) continue;
                trials++;
                if (baseline < 0) baseline = sizeAfterTailMerging(mir, added);
                Snapshot before = new Snapshot(mir.code);
                Mir.MInsn jump = new Mir.MInsn();
                jump.opcode = JMP | JA;
                jump.target = t.to;
                jump.line = from.line;
                mir.code.add(t.at + 1, jump);
                threadJumps(mir, added);
                if (sizeAfterTailMerging(mir, added) < baseline) {
                    changed = more = true;
                    break;   // positions moved: the next edges come from a new analysis
                }
                refused.add(from);
                before.restore(mir.code);
            }
        }
        removeUnused(mir.code, added);
        if (changed) {
            new JumpCleanup().run(mir);
            new DeadCodeElimination().run(mir);
        }
    }

    /** Rounds of retargeting every jump an analysis decides; true when one was. */
    private static boolean threadJumps(Mir mir, Set<Mir.Label> added) {
        boolean changed = false;
        for (int round = 0; round < ROUNDS; round++) {
            List<Threading> found = edges(mir, added, false);
            for (Threading t : found) mir.code.get(t.at).target = t.to;
            if (found.isEmpty()) break;
            changed = true;
        }
        return changed;
    }

    /** The edges one analysis decides a test for: jumps, or fall-through edges when {@code fallThroughs}. */
    private static List<Threading> edges(Mir mir, Set<Mir.Label> added, boolean fallThroughs) {
        List<Mir.MInsn> code = mir.code;
        List<Threading> out = new ArrayList<>();
        if (code.isEmpty()) return out;
        labelFallThroughs(mir, added);
        MirBlocks blocks = new MirBlocks(code);
        Map<Integer, Interval>[] entry = RangeBranchFolding.analyse(code, blocks);
        Map<Mir.Label, Integer> labels = new HashMap<>();
        for (int p = 0; p < code.size(); p++) if (code.get(p).isLabel()) labels.put(code.get(p).label, p);
        for (int b = 0; b < blocks.count; b++) {
            int end = blocks.end[b];
            Mir.MInsn last = code.get(end);
            if (entry[b] == null || last.isExit()) continue;
            Map<Integer, Interval> state = RangeBranchFolding.stateBefore(code, blocks.start[b], end, entry[b]);
            if (last.isUnconditionalJump()) {
                if (fallThroughs) continue;
                Mir.Label to = destination(code, labels, labels.get(last.target), state, new ArrayList<>());
                if (to != null && to != last.target) out.add(new Threading(end, to));
                continue;
            }
            Map<Integer, Interval> fall;
            if (last.isJump()) {
                Map<Integer, Interval> taken = RangeConditions.refine(last, state, true);
                if (!fallThroughs && taken != null) {
                    Mir.Label to = destination(code, labels, labels.get(last.target), taken, notEqual(last, true));
                    if (to != null && to != last.target) out.add(new Threading(end, to));
                }
                fall = RangeConditions.refine(last, state, false);
            } else {
                RangeTransfer.apply(last, state);
                fall = state;
            }
            if (!fallThroughs || fall == null || end + 1 >= code.size()) continue;
            Mir.Label to = destination(code, labels, end + 1, fall, notEqual(last, false));
            if (to != null) out.add(new Threading(end, to));
        }
        return out;
    }

    /**
     * Where an edge entering code at position p, knowing state and known, ends up once the tests it meets first are
     * decided: the label to jump to instead, or null when it meets no test it decides. Labels and gotos are passed
     * through; a loop of decided tests is left as it is.
     */
    private static Mir.Label destination(List<Mir.MInsn> code, Map<Mir.Label, Integer> labels, int p, Map<Integer, Interval> state,
            List<NotEqual> known) {
        int start = p, moved = -1;
        Set<Integer> seen = new HashSet<>();
        while (p >= 0 && p < code.size() && seen.add(p)) {
            Mir.MInsn m = code.get(p);
            if (m.isLabel()) { p++; continue; }
            if (m.isUnconditionalJump()) { p = labels.get(m.target); continue; }
            if (!m.isJump()) break;
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

    /** Whether positions a and b lie in one run of consecutive labels: the same place in the code. */
    private static boolean sameLabelRun(List<Mir.MInsn> code, int a, int b) {
        int lo = Math.min(a, b), hi = Math.max(a, b);
        for (int p = lo; p <= hi; p++) if (!code.get(p).isLabel()) return false;
        return true;
    }

    /**
     * Instruction slots once dead code is gone and tails are merged, measured on a copy; the code is left as it was.
     * Copies between virtual registers are not counted: the allocator mostly gives both the same register.
     */
    private static int sizeAfterTailMerging(Mir mir, Set<Mir.Label> added) {
        Snapshot before = new Snapshot(mir.code);
        removeUnused(mir.code, added);
        new JumpCleanup().run(mir);
        new DeadCodeElimination().run(mir);
        new TailMerging().run(mir);
        int slots = 0;
        for (Mir.MInsn m : mir.code) {
            if (m.isLabel() || m.opcode == (ALU64 | MOV | X) && m.off == 0 && Mir.isVirtual(m.dst) && Mir.isVirtual(m.src)) continue;
            slots += m.opcode == (LD | IMM | DW) ? 2 : 1;
        }
        before.restore(mir.code);
        return slots;
    }

    /** The instructions of some code and what each held, to put back after a trial changed them. */
    private static final class Snapshot {
        private final List<Mir.MInsn> insns, fields = new ArrayList<>();

        Snapshot(List<Mir.MInsn> code) {
            insns = new ArrayList<>(code);
            for (Mir.MInsn m : code) {
                Mir.MInsn c = new Mir.MInsn();
                copy(m, c);
                fields.add(c);
            }
        }

        void restore(List<Mir.MInsn> code) {
            for (int i = 0; i < insns.size(); i++) copy(fields.get(i), insns.get(i));
            code.clear();
            code.addAll(insns);
        }

        private static void copy(Mir.MInsn from, Mir.MInsn to) {
            to.opcode = from.opcode; to.dst = from.dst; to.src = from.src; to.off = from.off; to.imm = from.imm; to.ref = from.ref;
            to.target = from.target; to.label = from.label; to.callArgs = from.callArgs; to.line = from.line;
        }
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
        code.removeIf(m -> m.isLabel() && added.contains(m.label) && !used.contains(m.label));
    }
}
