package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.translator.mir.Mir;

/**
 * Moves a store of a register into a stack slot up to right after the register's definition, when nothing in
 * between touches that slot. The value then dies at once instead of being kept in a callee-saved register across
 * helper calls, e.g. {@code start.update(tid(), ktime())} stores the key before calling ktime.
 */
final class StoreHoisting implements Pass {
    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        boolean escapes = false;
        for (int p = 0; p < code.size(); p++) {
            Mir.MInsn m = code.get(p);
            if (!m.isLabel() && m.opcode == (ALU64 | MOV | X) && m.src == R10 && Mir.isVirtual(m.dst)) escapes = true;
        }
        for (int p = 0; p < code.size(); p++) {
            Mir.MInsn st = code.get(p);
            if (st.isLabel() || st.opcode != (STX | MEM | size(st.opcode)) || st.dst != R10 || !Mir.isVirtual(st.src)) continue;
            int v = st.src;
            int from = lastDefinitionInBlock(code, p, v) + 1;
            if (from <= 0) continue;
            boolean ok = true;
            for (int q = from; q < p && ok; q++) ok = independent(code.get(q), st, escapes);
            if (!ok || from == p) continue;
            code.remove(p);
            code.add(from, st);
        }
    }

    /** Where v was last set before p in p's block, or -1 when the block does not set it before p. */
    private static int lastDefinitionInBlock(List<Mir.MInsn> code, int p, int v) {
        for (int q = p - 1; q >= 0; q--) {
            Mir.MInsn m = code.get(q);
            if (m.isLabel() || m.isJump() || m.isExit()) return -1;
            if (Mir.def(m) == v) return q;
        }
        return -1;
    }

    /** True when {@code m} neither reads nor writes the slot {@code st} stores to, and does not end the block. */
    private static boolean independent(Mir.MInsn m, Mir.MInsn st, boolean escapes) {
        if (m.isLabel() || m.isJump() || m.isExit()) return false;
        if (m.isCall()) return touchesNoMemory((int) m.imm);
        int c = cls(m.opcode);
        int lo = st.off, hi = st.off + sizeBytes(st.opcode);
        if (c == LDX || c == ST || c == STX) {
            int base = c == LDX ? m.src : m.dst;
            if (base == R10) {
                int mlo = m.off, mhi = m.off + sizeBytes(m.opcode);
                return mhi <= lo || hi <= mlo;
            }
            return !escapes;
        }
        return !(m.opcode == (ALU64 | MOV | X) && m.src == R10);
    }

    private static boolean touchesNoMemory(int helper) {
        switch (helper) {
            case HelperTable.KTIME_GET_NS:
            case HelperTable.KTIME_GET_BOOT_NS:
            case HelperTable.GET_CURRENT_PID_TGID:
            case HelperTable.GET_CURRENT_UID_GID:
            case HelperTable.GET_PRANDOM_U32:
            case HelperTable.GET_SMP_PROCESSOR_ID:
                return true;
            default:
                return false;
        }
    }
}
