package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jbpf.translator.mir.Mir;

/**
 * Merges identical instruction sequences that end two branches of an if/else before they join, e.g. the same map
 * update in both branches with a different value: the branches keep only a move of their value into a new register,
 * and one copy of the sequence follows the join. The sequences may hold branches of their own (a check of the
 * update's result) and registers of their own, each defined in one tail where the other defines its twin. Runs on
 * virtual registers, before allocation.
 */
final class TailMerging implements Pass {
    @Override
    public void run(Mir mir) {
        boolean changed = true;
        while (changed) changed = mergeOne(mir);
    }

    private static boolean mergeOne(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        Refs refs = new Refs(code);
        for (int q = 1; q < code.size(); q++) {
            Mir.MInsn lab = code.get(q);
            if (!lab.isLabel()) continue;
            int last = q - 1;   // the second tail's last instruction, past the labels of its own branches' ends
            while (last >= 0 && code.get(last).isLabel()) last--;
            if (last < 0 || code.get(last).isJump() || code.get(last).isExit()) continue;   // need a fall-through predecessor
            // each goto to the label may end a tail like the one falling into it; other jumps to it are left as they are
            for (int jump : refs.jumps.getOrDefault(lab.label, List.of())) {
                if (jump >= q || !code.get(jump).isUnconditionalJump()) continue;
                // walk both tails backwards while they look alike; the longest of them that matches exactly is merged
                int i1 = jump - 1, i2 = q - 1, len = 0;
                while (i1 >= 0 && i2 > jump && i1 != i2 && alike(code.get(i1), code.get(i2))) {
                    i1--; i2--; len++;
                }
                for (int n = len; n >= 2; n--) {
                    int s1 = jump - n, s2 = q - n;   // tails are code[s1..jump-1] and code[s2..q-1]
                    List<int[]> phis = match(code, refs, s1, s2, n);
                    if (phis == null || !phisSafe(code, phis, s1, jump, s2, q)) continue;
                    merge(mir, s1, jump, s2, q, phis);
                    return true;
                }
            }
        }
        return false;
    }

    /** Where each register is written or read and each label jumped to, so a candidate's checks look only there. */
    private static final class Refs {
        final Map<Integer, List<Integer>> defs = new HashMap<>(), mentions = new HashMap<>();
        final Map<Mir.Label, List<Integer>> jumps = new HashMap<>();

        Refs(List<Mir.MInsn> code) {
            for (int p = 0; p < code.size(); p++) {
                Mir.MInsn m = code.get(p);
                if (m.isLabel()) continue;
                if (m.target != null) jumps.computeIfAbsent(m.target, l -> new ArrayList<>()).add(p);
                int d = Mir.def(m);
                if (d >= 0) {
                    defs.computeIfAbsent(d, r -> new ArrayList<>()).add(p);
                    mentions.computeIfAbsent(d, r -> new ArrayList<>()).add(p);
                }
                for (int u : Mir.uses(m)) if (u != d) mentions.computeIfAbsent(u, r -> new ArrayList<>()).add(p);
            }
        }
    }

    /** Branch 1: moves of its stored values, then a jump to the shared tail; branch 2: its moves, then the tail. */
    private static void merge(Mir mir, int s1, int jump, int s2, int q, List<int[]> phis) {
        List<Mir.MInsn> code = mir.code;
        Mir.Label shared = mir.newLabel();
        List<Mir.MInsn> moves1 = new ArrayList<>(), moves2 = new ArrayList<>();
        for (int[] ph : phis) {
            if (ph[0] == INPUT) {
                int p = mir.newVreg();
                moves1.add(copy(p, ph[1], code.get(s1).line));
                moves2.add(copy(p, ph[2], code.get(s2).line));
                for (int k = s2; k < q; k++) {
                    Mir.MInsn m = code.get(k);
                    if (m.isLabel()) continue;
                    if (m.dst == ph[2]) m.dst = p;
                    if (m.src == ph[2]) m.src = p;
                }
                continue;
            }
            Mir.MInsn st1 = code.get(ph[0]), st2 = code.get(ph[1]);
            int p = mir.newVreg();
            moves1.add(moveOf(p, st1));
            moves2.add(moveOf(p, st2));
            // the shared store takes its value from the new register
            st2.opcode = STX | MEM | size(st2.opcode);
            st2.src = p;
            st2.imm = 0;
        }
        Mir.MInsn sharedLabel = new Mir.MInsn();
        sharedLabel.label = shared;
        sharedLabel.line = code.get(s2).line;
        List<Mir.MInsn> out = new ArrayList<>();
        out.addAll(code.subList(0, s1));
        out.addAll(moves1);
        Mir.MInsn j = code.get(jump);
        j.target = shared;
        out.add(j);
        out.addAll(code.subList(jump + 1, s2));
        out.addAll(moves2);
        out.add(sharedLabel);
        out.addAll(code.subList(s2, code.size()));
        code.clear();
        code.addAll(out);
    }

    /** Same shape: both labels, or instructions that may match once registers and labels are renamed. */
    static boolean alike(Mir.MInsn a, Mir.MInsn b) {
        if (a.isLabel() || b.isLabel()) return a.isLabel() && b.isLabel();
        if (a.isExit() || b.isExit() || (a.target == null) != (b.target == null)) return false;
        if (storeValueDiffers(a, b)) return true;
        return a.opcode == b.opcode && a.off == b.off && a.imm == b.imm && Objects.equals(a.ref, b.ref)
                && a.callArgs == b.callArgs && sameOrVirtual(a.dst, b.dst) && sameOrVirtual(a.src, b.src);
    }

    private static boolean sameOrVirtual(int r1, int r2) { return r1 == r2 || Mir.isVirtual(r1) && Mir.isVirtual(r2); }

    /**
     * Whether the {@code n} instructions at {@code s1} and {@code s2} compute the same, reading forward: equal, or
     * equal once each virtual register the second tail defines is renamed to the one the first defines at the same
     * place, and each label inside it to the first's; a store may differ in its value (returned as the pairs to join
     * by moves). Null when they differ, or when code outside reads a register or jumps to a label of the first tail,
     * which the merge removes.
     */
    private static List<int[]> match(List<Mir.MInsn> code, Refs refs, int s1, int s2, int n) {
        Map<Mir.Label, Mir.Label> labels = new HashMap<>();
        for (int k = 0; k < n; k++)
            if (code.get(s1 + k).isLabel()) labels.put(code.get(s2 + k).label, code.get(s1 + k).label);
        Map<Integer, Integer> regs = new HashMap<>();   // second tail's register -> first's
        Inputs in = new Inputs();
        List<int[]> phis = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Mir.MInsn a = code.get(s1 + k), b = code.get(s2 + k);
            if (a.isLabel()) continue;
            if (a.target != null && labels.getOrDefault(b.target, b.target) != a.target) return null;
            if (!sameUnderRenaming(a, b, regs, in)) {
                if (!storeValueDiffers(a, b) || a.dst != regs.getOrDefault(b.dst, b.dst)) return null;
                phis.add(new int[] {s1 + k, s2 + k});
                continue;
            }
            int d1 = Mir.def(a), d2 = Mir.def(b);
            if (d1 != d2 || Mir.isVirtual(d1)) {
                if (!Mir.isVirtual(d1) || !Mir.isVirtual(d2)) return null;
                Integer had = regs.putIfAbsent(d2, d1);
                if (had != null && had != d1) return null;
            }
        }
        // the first tail goes: nothing outside it may jump into it or read a register only it defined, and a renamed
        // register of the second tail must be defined there only, since the shared tail now defines it on both paths;
        // an input that differs keeps its value through its tail, so one move before each tail can stand for it
        for (int k = 0; k < n; k++) {
            if (!code.get(s1 + k).isLabel() && in.differing.containsValue(Mir.def(code.get(s1 + k)))) return null;
            if (!code.get(s2 + k).isLabel() && in.differing.containsKey(Mir.def(code.get(s2 + k)))) return null;
        }
        for (Mir.Label l : labels.values())
            for (int p : refs.jumps.getOrDefault(l, List.of())) if (p < s1 || p >= s1 + n) return null;
        for (Map.Entry<Integer, Integer> r : regs.entrySet()) {
            if (r.getKey().equals(r.getValue())) continue;
            for (int p : refs.mentions.getOrDefault(r.getValue(), List.of())) if (p < s1 || p >= s1 + n) return null;
            for (int p : refs.defs.getOrDefault(r.getKey(), List.of())) if (p < s2 || p >= s2 + n) return null;
        }
        for (Map.Entry<Integer, Integer> e : in.differing.entrySet()) phis.add(new int[] {INPUT, e.getValue(), e.getKey()});
        return phis;
    }

    /** Marks a phi of an input register: {INPUT, first tail's register, second tail's}. */
    private static final int INPUT = -1;

    /**
     * Registers both tails read before defining them: the same one, or a different one in each (a value computed before
     * the tails, such as the address a map lookup returned on each path), which a move before each tail joins.
     */
    private static final class Inputs {
        final Map<Integer, Integer> differing = new HashMap<>();   // second tail's register -> first's
        final java.util.Set<Integer> same = new java.util.HashSet<>();

        /** Whether the first tail reading r1 where the second reads r2 agrees with every earlier such pair; records it. */
        boolean pair(int r1, int r2) {
            if (r1 == r2) {
                if (differing.containsKey(r2)) return false;
                same.add(r2);
                return true;
            }
            if (!Mir.isVirtual(r1) || !Mir.isVirtual(r2) || same.contains(r2)) return false;
            Integer had = differing.putIfAbsent(r2, r1);
            return had == null || had == r1;
        }
    }

    /**
     * Equal instructions once the second's registers are renamed: each register it reads is the first's under the
     * renaming so far, or an input read in the same pairing as before, and a register field it neither reads nor
     * writes is equal.
     */
    private static boolean sameUnderRenaming(Mir.MInsn a, Mir.MInsn b, Map<Integer, Integer> regs, Inputs in) {
        if (a.opcode != b.opcode || a.off != b.off || a.imm != b.imm || !Objects.equals(a.ref, b.ref) || a.callArgs != b.callArgs)
            return false;
        int[] ua = Mir.uses(a), ub = Mir.uses(b);
        for (int i = 0; i < ua.length; i++) {
            if (regs.containsKey(ub[i]) || regs.containsValue(ua[i])) {
                if (ua[i] != regs.getOrDefault(ub[i], ub[i])) return false;
            } else if (!in.pair(ua[i], ub[i])) {
                return false;
            }
        }
        int def = Mir.def(a);
        if (a.dst != def && !contains(ua, a.dst) && a.dst != b.dst) return false;
        return a.src == b.src || contains(ua, a.src);
    }

    private static boolean contains(int[] regs, int r) {
        for (int x : regs) if (x == r) return true;
        return false;
    }

    private static Mir.MInsn copy(int p, int from, org.jbpf.core.asm.SourceLine line) {
        Mir.MInsn m = new Mir.MInsn();
        m.line = line;
        m.opcode = ALU64 | MOV | X;
        m.dst = p;
        m.src = from;
        return m;
    }

    private static Mir.MInsn moveOf(int p, Mir.MInsn store) {
        Mir.MInsn m = new Mir.MInsn();
        m.line = store.line;
        m.dst = p;
        if (cls(store.opcode) == ST) { m.opcode = ALU64 | MOV | K; m.imm = store.imm; }
        else { m.opcode = ALU64 | MOV | X; m.src = store.src; }
        return m;
    }

    private static boolean isStore(Mir.MInsn m) {
        int c = cls(m.opcode);
        return (c == ST || c == STX) && mode(m.opcode) == MEM;
    }

    private static boolean storeValueDiffers(Mir.MInsn a, Mir.MInsn b) {
        if (!isStore(a) || !isStore(b) || size(a.opcode) != size(b.opcode) || a.dst != b.dst || a.off != b.off) return false;
        if (cls(a.opcode) == STX && !Mir.isVirtual(a.src)) return false;
        if (cls(b.opcode) == STX && !Mir.isVirtual(b.src)) return false;
        return true;
    }

    /** The differing stored registers must keep their values from the start of the tail to the store. */
    private static boolean phisSafe(List<Mir.MInsn> code, List<int[]> phis, int s1, int e1, int s2, int e2) {
        for (int[] ph : phis) {
            if (ph[0] == INPUT) continue;   // checked by match
            if (!valueStable(code, ph[0], s1)) return false;
            if (!valueStable(code, ph[1], s2)) return false;
        }
        return true;
    }

    private static boolean valueStable(List<Mir.MInsn> code, int store, int tailStart) {
        Mir.MInsn st = code.get(store);
        if (cls(st.opcode) != STX) return true;
        for (int p = tailStart; p < store; p++) if (Mir.def(code.get(p)) == st.src) return false;
        return true;
    }
}
