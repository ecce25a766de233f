package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;
import org.jbpf.translator.mir.VregLiveness;

/**
 * Moves a computation both successors of a conditional branch begin with above the branch, e.g. the
 * {@code bpf_get_current_pid_tgid} call and shift of {@code if (u == 0) printk(.., pid()); else printk(.., u, pid())}.
 * Both successors must have the branch's block as their only predecessor. The taken successor's copy becomes a move
 * from the hoisted value, which copy propagation removes.
 *
 * <p>An instruction moves only past the branch and past register-only instructions it does not depend on, so it
 * still runs right where it ran on both paths: even a call whose result differs from call to call (ktime) keeps its
 * value. Only calls of helpers without arguments and computations on their results, constants and plain copies
 * move: a value the branch may narrow (a pointer it tests for null, a bounded index) would lose what the kernel
 * verifier learnt from the test if an operation on it moved above it. Nothing moves that writes a register the branch
 * reads or the taken successor reads before writing. A group of hoisted calls is kept only when no more values live
 * across each of them than across the calls it replaces, so the hoisted result does not cost callee-saved registers.
 */
final class CommonCodeHoisting implements Pass {
    /** How far into each successor an instruction is looked for. */
    private static final int WINDOW = 24;

    @Override
    public void run(Mir mir) {
        for (int round = 0; round < 32; round++) {
            MirBlocks blocks = new MirBlocks(mir.code);
            boolean changed = false;
            for (int b = 0; b < blocks.count && !changed; b++) changed = hoistFrom(mir, blocks, b);
            if (!changed) return;
        }
    }

    /** Tries the branch that ends block b; true when code moved. */
    private static boolean hoistFrom(Mir mir, MirBlocks blocks, int b) {
        List<Mir.MInsn> code = mir.code;
        int jumpAt = blocks.end[b];
        Mir.MInsn jump = code.get(jumpAt);
        if (!jump.isJump() || jump.isUnconditionalJump() || b + 1 >= blocks.count) return false;
        int fall = b + 1, taken = -1;
        for (int s : blocks.succ.get(b)) if (s != fall) taken = s;
        // the taken successor after the fall-through one, so rebuilding the taken one first keeps the other's positions
        if (taken <= fall) return false;
        if (!blocks.pred.get(fall).equals(List.of(b)) || !blocks.pred.get(taken).equals(List.of(b))) return false;

        List<Mir.MInsn> trial = new ArrayList<>(code);
        VregLiveness live = null;   // computed once some instruction has a twin, most branches have none
        List<Mir.MInsn> fallCode = new ArrayList<>(code.subList(blocks.start[fall], blocks.end[fall] + 1));
        List<Mir.MInsn> takenCode = new ArrayList<>(code.subList(blocks.start[taken], blocks.end[taken] + 1));
        List<Mir.MInsn> hoisted = new ArrayList<>();
        List<int[]> callCrossings = new ArrayList<>();
        Set<Integer> fresh = new HashSet<>();
        Map<Integer, Integer> renamed = new HashMap<>();
        Map<Integer, Mir.MInsn> copyOf = new HashMap<>();
        List<Mir.MInsn> skipped = new ArrayList<>();
        int looked = 0;
        for (int i = 0; i < fallCode.size() && looked < WINDOW; i++) {
            Mir.MInsn t = fallCode.get(i);
            if (t.isLabel()) continue;
            looked++;
            boolean barrier = !movable(t);
            int match = barrier ? -1 : findMatch(t, takenCode, renamed, copyOf);
            if (match >= 0 && live == null) live = new VregLiveness(code, Math.max(mir.vregCount(), 16), true);
            if (match >= 0 && acceptable(t, takenCode.get(match), jump, live.in(taken), skipped, fresh, renamed, code)) {
                Mir.MInsn e = takenCode.get(match);
                int vt = Mir.def(t), ve = Mir.def(e);
                if (t.isCall()) {
                    callCrossings.add(new int[] {
                            liveAcross(code, live, blocks, code.indexOf(t)), liveAcross(code, live, blocks, code.indexOf(e))});
                }
                // a copy that hands on an earlier value of vt is superseded: its register gets the new value below
                for (Map.Entry<Integer, Integer> r : new ArrayList<>(renamed.entrySet()))
                    if (r.getValue() == vt) { takenCode.remove(copyOf.remove(r.getKey())); renamed.remove(r.getKey()); match = takenCode.indexOf(e); }
                if (ve == vt || t.isCall()) {
                    takenCode.remove(match);
                } else {
                    Mir.MInsn copy = new Mir.MInsn();
                    copy.opcode = ALU64 | MOV | X;
                    copy.dst = ve;
                    copy.src = vt;
                    copy.line = e.line;
                    takenCode.set(match, copy);
                    renamed.put(ve, vt);
                    copyOf.put(ve, copy);
                }
                fallCode.remove(i--);
                hoisted.add(t);
                if (isFresh(t, fresh)) fresh.add(vt);
                else fresh.remove(vt);
                continue;
            }
            if (barrier || t.isCall()) break;
            skipped.add(t);
            fresh.remove(Mir.def(t));
        }
        if (hoisted.isEmpty()) return false;
        if (onlyMoves(hoisted)) return false;

        // rebuild: hoisted code before the jump, the successors without it
        trial.subList(blocks.start[taken], blocks.end[taken] + 1).clear();
        trial.addAll(blocks.start[taken], takenCode);
        trial.subList(blocks.start[fall], blocks.end[fall] + 1).clear();
        trial.addAll(blocks.start[fall], fallCode);
        trial.addAll(jumpAt, hoisted);
        if (!callCrossings.isEmpty()) {
            MirBlocks after = new MirBlocks(trial);
            VregLiveness afterLive = new VregLiveness(trial, Math.max(mir.vregCount(), 16), true);
            int k = 0;
            for (Mir.MInsn h : hoisted) {
                if (!h.isCall()) continue;
                int[] before = callCrossings.get(k++);
                if (liveAcross(trial, afterLive, after, trial.indexOf(h)) > Math.max(before[0], before[1])) return false;
            }
        }
        code.clear();
        code.addAll(trial);
        return true;
    }

    /** Instructions that may move: calls of helpers without arguments, and register computations into a virtual register. */
    private static boolean movable(Mir.MInsn m) {
        if (m.isCall()) return m.src == 0 && m.callArgs == 0;
        int c = cls(m.opcode);
        if (c == LD) return Mir.isVirtual(m.dst);
        return (c == ALU || c == ALU64) && Mir.isVirtual(m.dst);
    }

    /** The position in {@code takenCode} of the instruction that computes what t does, reached past independent register code only. */
    private static int findMatch(Mir.MInsn t, List<Mir.MInsn> takenCode, Map<Integer, Integer> renamed, Map<Integer, Mir.MInsn> copyOf) {
        int looked = 0;
        for (int j = 0; j < takenCode.size() && looked < WINDOW; j++) {
            Mir.MInsn e = takenCode.get(j);
            if (e.isLabel() || copyOf.containsValue(e)) continue;
            looked++;
            if (same(t, e, renamed)) {
                for (int q = 0; q < j; q++) {
                    Mir.MInsn s = takenCode.get(q);
                    if (s.isLabel() || copyOf.containsValue(s)) continue;
                    if (!independent(s, e)) return -1;
                    // the copy that replaces e reads t's register, which s must leave alone
                    for (int d : defs(s)) if (d == Mir.def(t)) return -1;
                }
                return j;
            }
            if (!movable(e) || e.isCall()) return -1;
        }
        return -1;
    }

    /** Whether e, its registers read through {@code renamed}, does what t does. */
    private static boolean same(Mir.MInsn t, Mir.MInsn e, Map<Integer, Integer> renamed) {
        if (t.opcode != e.opcode || t.off != e.off || t.imm != e.imm || t.callArgs != e.callArgs || e.target != null) return false;
        if (t.ref == null ? e.ref != null : !t.ref.equals(e.ref)) return false;
        if (t.isCall()) return t.src == e.src;
        int c = cls(t.opcode);
        if (c == LD) return t.src == e.src;
        boolean readsSrc = source(t.opcode) == X && opOf(t) != NEG && opOf(t) != END;
        if (readsSrc ? renamed.getOrDefault(e.src, e.src) != t.src : t.src != e.src) return false;
        if (opOf(t) == MOV) return true;
        return renamed.getOrDefault(e.dst, e.dst) == t.dst;
    }

    /** The checks besides sameness: the branch and the taken successor keep their registers, t passes what it skipped. */
    private static boolean acceptable(Mir.MInsn t, Mir.MInsn e, Mir.MInsn jump, BitSet liveAtTaken, List<Mir.MInsn> skipped,
            Set<Integer> fresh, Map<Integer, Integer> renamed, List<Mir.MInsn> code) {
        for (int d : defs(t)) {
            if (MirQueries.reads(jump, d) || liveAtTaken.get(d)) return false;
        }
        // a register whose earlier value the taken successor still gets through a copy is written again only by the
        // instruction that overwrites that copy's register too
        int vt = Mir.def(t), ve = Mir.def(e);
        for (Map.Entry<Integer, Integer> r : renamed.entrySet()) if (r.getValue() == vt && r.getKey() != ve) return false;
        if (renamed.containsKey(vt) && vt != ve) return false;
        if (!t.isCall()) {
            // both copies must be virtual registers: a physical one is an argument being set up for a call that stays
            if (!Mir.isVirtual(Mir.def(e))) return false;
            // an operation on a value from before the branch could lose what the verifier learns from the test
            boolean plainCopy = t.opcode == (ALU64 | MOV | X) && t.off == 0;
            if (!plainCopy && !isFresh(t, fresh)) return false;
            if (feedsDifferentArguments(t, e, code)) return false;
        }
        for (Mir.MInsn s : skipped) if (!independent(s, t)) return false;
        return true;
    }

    /** Whether the result of t only reads registers computed by the instructions hoisted so far (or none). */
    private static boolean isFresh(Mir.MInsn t, Set<Integer> fresh) {
        if (t.isCall() || cls(t.opcode) == LD) return true;
        for (int u : Mir.uses(t)) if (!fresh.contains(u)) return false;
        return true;
    }

    /**
     * Whether each copy's result is read only once, by a move into an argument register, and the two registers differ:
     * each copy then already computes straight into its argument register, and one hoisted copy would need a move.
     */
    private static boolean feedsDifferentArguments(Mir.MInsn t, Mir.MInsn e, List<Mir.MInsn> code) {
        int a = argumentFed(Mir.def(t), code), b = argumentFed(Mir.def(e), code);
        return a >= 0 && b >= 0 && a != b;
    }

    /** The physical register the only reader of v moves it to, or -1. */
    private static int argumentFed(int v, List<Mir.MInsn> code) {
        Mir.MInsn reader = null;
        for (Mir.MInsn m : code) {
            if (!MirQueries.reads(m, v)) continue;
            if (reader != null) return -1;
            reader = m;
        }
        if (reader == null || reader.opcode != (ALU64 | MOV | X) || reader.off != 0 || Mir.isVirtual(reader.dst)) return -1;
        return reader.dst;
    }

    /** Whether a and b (a before b) may swap: neither writes what the other reads or writes, and a touches no memory. */
    private static boolean independent(Mir.MInsn a, Mir.MInsn b) {
        int c = cls(a.opcode);
        if (a.isCall() || a.isJump() || a.isExit() || !(c == ALU || c == ALU64 || c == LD)) return false;
        for (int d : defs(a)) {
            if (MirQueries.reads(b, d)) return false;
            for (int d2 : defs(b)) if (d == d2) return false;
        }
        for (int d : defs(b)) if (MirQueries.reads(a, d)) return false;
        return true;
    }

    /** The registers m writes: a call's result and the argument registers it clobbers. */
    private static int[] defs(Mir.MInsn m) {
        if (m.isCall()) return new int[] {R0, R1, R2, R3, R4, R5};
        int d = Mir.def(m);
        return d < 0 ? new int[0] : new int[] {d};
    }

    /** How many virtual registers are live across the call at position p. */
    private static int liveAcross(List<Mir.MInsn> code, VregLiveness live, MirBlocks blocks, int p) {
        int b = blocks.blockOf[p];
        BitSet l = (BitSet) live.out(b).clone();
        for (int q = blocks.end[b]; q > p; q--) {
            Mir.MInsn m = code.get(q);
            int d = Mir.def(m);
            if (d >= 0) l.clear(d);
            for (int u : Mir.uses(m)) l.set(u);
        }
        int n = 0;
        for (int v = l.nextSetBit(Mir.VREG_BASE); v >= 0; v = l.nextSetBit(v + 1)) n++;
        return n;
    }

    private static int opOf(Mir.MInsn m) { return op(m.opcode); }

    /** Whether a group holds no call and only register moves, which hoisting would only shift. */
    private static boolean onlyMoves(List<Mir.MInsn> group) {
        for (Mir.MInsn h : group) if (h.isCall() || opOf(h) != MOV) return false;
        return true;
    }
}
