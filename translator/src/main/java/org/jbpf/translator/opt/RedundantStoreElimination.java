package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;

/**
 * Drops a store to a stack slot that already holds the same value on every path — typically a map key written to
 * its scratch slot again before the next map call. Works on virtual registers, before allocation.
 */
final class RedundantStoreElimination implements Pass {

    /** What a stack slot is known to hold: the value of a register (or a constant) stored with a given size. */
    private record Held(int size, int reg, long imm, boolean isImm) {}

    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        MirBlocks blocks = new MirBlocks(code);
        boolean stackPointerEscapes = false;
        for (Mir.MInsn m : code)
            if (!m.isLabel() && m.opcode == (ALU64 | MOV | X) && m.src == R10 && Mir.isVirtual(m.dst)) stackPointerEscapes = true;

        List<Map<Integer, Held>> in = new ArrayList<>();
        List<Map<Integer, Held>> out = new ArrayList<>();
        for (int b = 0; b < blocks.count; b++) { in.add(null); out.add(null); }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = 0; b < blocks.count; b++) {
                Map<Integer, Held> state = meet(blocks.pred.get(b), out, b == 0);
                in.set(b, state);
                Map<Integer, Held> s = new HashMap<>(state);
                for (int p = blocks.start[b]; p <= blocks.end[b]; p++) transfer(code.get(p), s, stackPointerEscapes, null);
                if (!Objects.equals(s, out.get(b))) { out.set(b, s); changed = true; }
            }
        }
        List<Mir.MInsn> removed = new ArrayList<>();
        for (int b = 0; b < blocks.count; b++) {
            Map<Integer, Held> s = new HashMap<>(in.get(b));
            for (int p = blocks.start[b]; p <= blocks.end[b]; p++) transfer(code.get(p), s, stackPointerEscapes, removed);
        }
        code.removeAll(removed);
    }

    private static Map<Integer, Held> meet(List<Integer> preds, List<Map<Integer, Held>> out, boolean entry) {
        if (entry) return new HashMap<>();
        Map<Integer, Held> m = null;
        for (int p : preds) {
            Map<Integer, Held> o = out.get(p);
            if (o == null) continue;   // not computed yet: optimistic
            if (m == null) m = new HashMap<>(o);
            else m.entrySet().removeIf(e -> !e.getValue().equals(o.get(e.getKey())));
        }
        return m == null ? new HashMap<>() : m;
    }

    private static void transfer(Mir.MInsn m, Map<Integer, Held> s, boolean stackPointerEscapes, List<Mir.MInsn> redundant) {
        if (m.isLabel()) return;
        int c = cls(m.opcode);
        if ((c == ST || c == STX) && mode(m.opcode) == MEM) {
            int size = sizeBytes(m.opcode);
            if (m.dst == R10) {
                Held h = c == ST ? new Held(size, -1, m.imm, true) : new Held(size, m.src, 0, false);
                if (redundant != null && h.equals(s.get(m.off))) { redundant.add(m); return; }
                s.entrySet().removeIf(e -> e.getKey() < m.off + size && m.off < e.getKey() + e.getValue().size());
                s.put(m.off, h);
            } else if (stackPointerEscapes) {
                s.clear();
            }
            return;
        }
        if (c == STX) { if (stackPointerEscapes) s.clear(); return; }   // atomics
        if (m.isCall()) {
            if (writesMemory((int) m.imm)) s.clear();
            s.entrySet().removeIf(e -> !e.getValue().isImm() && e.getValue().reg() <= R5);
            return;
        }
        int d = Mir.def(m);
        if (d >= 0) s.entrySet().removeIf(e -> !e.getValue().isImm() && e.getValue().reg() == d);
    }

    /** Helpers that write into memory the program passes them (which may be a stack slot). */
    private static boolean writesMemory(int helper) {
        switch (helper) {
            case HelperTable.MAP_LOOKUP_ELEM:
            case HelperTable.MAP_UPDATE_ELEM:
            case HelperTable.MAP_DELETE_ELEM:
            case HelperTable.KTIME_GET_NS:
            case HelperTable.KTIME_GET_BOOT_NS:
            case HelperTable.TRACE_PRINTK:
            case HelperTable.GET_PRANDOM_U32:
            case HelperTable.GET_SMP_PROCESSOR_ID:
            case HelperTable.GET_CURRENT_PID_TGID:
            case HelperTable.GET_CURRENT_UID_GID:
            case HelperTable.PERF_EVENT_OUTPUT:
            case HelperTable.GET_STACKID:
            case HelperTable.RINGBUF_OUTPUT:
            case HelperTable.RINGBUF_RESERVE:
            case HelperTable.RINGBUF_SUBMIT:
            case HelperTable.RINGBUF_DISCARD:
                return false;
            default:
                return true;
        }
    }
}
