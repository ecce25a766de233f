package org.jbpf.translator.backend;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.mir.Mir;

/** Final clean-up of allocated MIR and encoding into instructions with resolved jump offsets. */
public final class MirEmitter {
    private MirEmitter() {}

    public static List<Insn> emit(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        boolean changed = true;
        while (changed) {
            changed = removeSelfMoves(code) | removeUnreachable(code) | removeJumpsToNext(code);
        }
        mergeReturns(mir);
        changed = true;
        while (changed) {
            changed = invertBranches(code) | removeUnreachable(code) | removeJumpsToNext(code);
        }
        Map<Mir.Label, Integer> slotOf = new HashMap<>();
        int slot = 0;
        for (Mir.MInsn m : code) {
            if (m.isLabel()) slotOf.put(m.label, slot);
            else slot += m.opcode == (LD | IMM | DW) ? 2 : 1;
        }
        List<Insn> out = new ArrayList<>();
        slot = 0;
        for (Mir.MInsn m : code) {
            if (m.isLabel()) continue;
            if (Mir.isVirtual(m.dst) || Mir.isVirtual(m.src) && cls(m.opcode) != LD)
                throw new IllegalStateException("unallocated register in " + m);
            int width = m.opcode == (LD | IMM | DW) ? 2 : 1;
            Insn in = m.toInsn();
            if (m.target != null) {
                int off = slotOf.get(m.target) - (slot + 1);
                if (off < Short.MIN_VALUE || off > Short.MAX_VALUE)
                    throw new TranslationException("program too large: a jump spans " + off + " instructions");
                in = in.withOff(off);
            }
            out.add(in);
            slot += width;
        }
        return out;
    }

    /** Every {@code r0 = K; exit} but the last one with the same K becomes a jump to that last one. */
    private static void mergeReturns(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        Map<Long, Integer> last = new HashMap<>();
        for (int i = 0; i + 1 < code.size(); i++)
            if (isReturnConstant(code.get(i)) && code.get(i + 1).isExit()) last.put(code.get(i).imm, i);
        for (Map.Entry<Long, Integer> e : last.entrySet()) {
            int at = e.getValue();
            Mir.Label ret = mir.newLabel();
            Mir.MInsn label = new Mir.MInsn();
            label.label = ret;
            label.line = code.get(at).line;
            boolean used = false;
            for (int i = 0; i + 1 < at; i++) {
                Mir.MInsn m = code.get(i);
                if (isReturnConstant(m) && m.imm == e.getKey() && code.get(i + 1).isExit()) {
                    m.opcode = JMP | JA; m.dst = 0; m.src = 0; m.imm = 0; m.target = ret;
                    code.remove(i + 1);
                    at--;
                    used = true;
                }
            }
            if (used) code.add(at, label);
            // positions of the other constants' last returns may have moved; recompute them
            if (used) {
                last.clear();
                for (int i = 0; i + 1 < code.size(); i++)
                    if (isReturnConstant(code.get(i)) && code.get(i + 1).isExit()) last.putIfAbsent(code.get(i).imm, i);
            }
        }
    }

    private static boolean isReturnConstant(Mir.MInsn m) {
        return !m.isLabel() && m.dst == R0 && (m.opcode == (ALU64 | MOV | K) || m.opcode == (ALU | MOV | K));
    }

    /** {@code if c goto L1; goto L2; L1:} becomes {@code if !c goto L2; L1:}. */
    private static boolean invertBranches(List<Mir.MInsn> code) {
        boolean changed = false;
        for (int i = 0; i + 2 < code.size(); i++) {
            Mir.MInsn cond = code.get(i), jump = code.get(i + 1), next = code.get(i + 2);
            if (!cond.isJump() || cond.isUnconditionalJump() || !jump.isUnconditionalJump() || !next.isLabel()) continue;
            if (cond.target != next.label) continue;
            int inverse = inverseJump(op(cond.opcode));
            if (inverse < 0) continue;
            cond.opcode = (cond.opcode & ~0xf0) | inverse;
            cond.target = jump.target;
            code.remove(i + 1);
            changed = true;
        }
        return changed;
    }

    private static boolean removeSelfMoves(List<Mir.MInsn> code) {
        return code.removeIf(m -> !m.isLabel() && m.opcode == (ALU64 | MOV | X) && m.off == 0 && m.dst == m.src);
    }

    private static boolean removeUnreachable(List<Mir.MInsn> code) {
        boolean changed = false;
        for (int i = 0; i < code.size(); i++) {
            Mir.MInsn m = code.get(i);
            if (m.isUnconditionalJump() || m.isExit()) {
                while (i + 1 < code.size() && !code.get(i + 1).isLabel()) { code.remove(i + 1); changed = true; }
            }
        }
        // labels nobody jumps to can go (they split nothing)
        java.util.Set<Mir.Label> used = new java.util.HashSet<>();
        for (Mir.MInsn m : code) if (m.target != null) used.add(m.target);
        changed |= code.removeIf(m -> m.isLabel() && !used.contains(m.label));
        return changed;
    }

    private static boolean removeJumpsToNext(List<Mir.MInsn> code) {
        boolean changed = false;
        for (int i = 0; i < code.size(); i++) {
            Mir.MInsn m = code.get(i);
            if (!m.isJump()) continue;
            int k = i + 1;
            boolean toNext = false;
            while (k < code.size() && code.get(k).isLabel()) {
                if (code.get(k).label == m.target) { toNext = true; break; }
                k++;
            }
            if (toNext) { code.remove(i); i--; changed = true; }
        }
        return changed;
    }
}
