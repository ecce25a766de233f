package org.jbpf.translator;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;

/** Final clean-up of allocated MIR and encoding into instructions with resolved jump offsets. */
final class MirEmitter {
    private MirEmitter() {}

    static List<Insn> emit(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        boolean changed = true;
        while (changed) {
            changed = removeSelfMoves(code) | removeUnreachable(code) | removeJumpsToNext(code);
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
