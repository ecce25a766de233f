package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jbpf.translator.mir.Mir;

/**
 * Merges identical instruction sequences that end two branches of an if/else before they join, e.g. the same map
 * update in both branches with a different value: the branches keep only a move of their value into a new register,
 * and one copy of the sequence follows the join. Runs on virtual registers, before allocation.
 */
final class TailMerging implements Pass {
    @Override
    public void run(Mir mir) {
        boolean changed = true;
        while (changed) changed = mergeOne(mir);
    }

    private static boolean mergeOne(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        for (int q = 1; q < code.size(); q++) {
            Mir.MInsn lab = code.get(q);
            if (!lab.isLabel()) continue;
            Mir.MInsn before = code.get(q - 1);
            if (before.isLabel() || before.isJump() || before.isExit()) continue;   // need a fall-through predecessor
            int jump = -1, refs = 0;
            for (int p = 0; p < code.size(); p++) {
                Mir.MInsn m = code.get(p);
                if (m.target == lab.label) { refs++; if (m.isUnconditionalJump()) jump = p; }
            }
            if (refs != 1 || jump < 0 || jump >= q) continue;
            // walk both tails backwards while they match
            int i1 = jump - 1, i2 = q - 1, len = 0;
            List<int[]> phis = new ArrayList<>();   // {index in tail 1, index in tail 2}
            while (i1 >= 0 && i2 > jump && i1 != i2) {
                Mir.MInsn a = code.get(i1), b = code.get(i2);
                if (a.isLabel() || b.isLabel() || a.isJump() || b.isJump() || a.isExit() || b.isExit()) break;
                if (same(a, b)) { /* identical */ }
                else if (storeValueDiffers(a, b)) phis.add(new int[] {i1, i2});
                else break;
                i1--; i2--; len++;
            }
            if (len < 2) continue;
            int s1 = i1 + 1, s2 = i2 + 1;   // tails are code[s1..jump-1] and code[s2..q-1]
            if (!phisSafe(code, phis, s1, jump, s2, q)) continue;
            // branch 1: moves of its stored values, then a jump to the shared tail; branch 2: its moves, then the tail
            Mir.Label shared = mir.newLabel();
            List<Mir.MInsn> moves1 = new ArrayList<>(), moves2 = new ArrayList<>();
            for (int[] ph : phis) {
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
            return true;
        }
        return false;
    }

    private static Mir.MInsn moveOf(int p, Mir.MInsn store) {
        Mir.MInsn m = new Mir.MInsn();
        m.line = store.line;
        m.dst = p;
        if (cls(store.opcode) == ST) { m.opcode = ALU64 | MOV | K; m.imm = store.imm; }
        else { m.opcode = ALU64 | MOV | X; m.src = store.src; }
        return m;
    }

    private static boolean same(Mir.MInsn a, Mir.MInsn b) {
        return a.opcode == b.opcode && a.dst == b.dst && a.src == b.src && a.off == b.off && a.imm == b.imm
                && Objects.equals(a.ref, b.ref) && a.target == b.target && a.callArgs == b.callArgs;
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
