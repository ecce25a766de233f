package org.jbpf.translator.opt;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a stack slot is known to hold after a store: a register of the store's size or an immediate. The passes that
 * follow stores through the frame keep a map from frame offset to this, met over a block's predecessors.
 */
record StackSlotValue(int size, int reg, long imm, boolean isImm) {
    // spelled out: the record's own are bound through method handles at their first call, milliseconds of a cold start
    @Override public boolean equals(Object o) {
        return o instanceof StackSlotValue v && size == v.size && reg == v.reg && imm == v.imm && isImm == v.isImm;
    }
    @Override public int hashCode() { return ((size * 31 + reg) * 31 + Long.hashCode(imm)) * 31 + Boolean.hashCode(isImm); }

    /** What every computed predecessor agrees on; nothing at the entry; predecessors not yet computed are skipped. */
    static Map<Integer, StackSlotValue> meet(List<Integer> preds, List<Map<Integer, StackSlotValue>> out, boolean entry) {
        if (entry) return new HashMap<>();
        Map<Integer, StackSlotValue> m = null;
        for (int p : preds) {
            Map<Integer, StackSlotValue> o = out.get(p);
            if (o == null) continue;   // not computed yet: optimistic
            if (m == null) m = new HashMap<>(o);
            else for (Iterator<Map.Entry<Integer, StackSlotValue>> i = m.entrySet().iterator(); i.hasNext(); ) {
                Map.Entry<Integer, StackSlotValue> e = i.next();
                if (!e.getValue().equals(o.get(e.getKey()))) i.remove();
            }
        }
        return m == null ? new HashMap<>() : m;
    }

    // The removals below are loops, not removeIf with a lambda: each lambda links method handles at its first call,
    // a share of a cold translate that these passes run once.

    /** Drops what is known about slots that overlap the {@code size} bytes at frame offset {@code off}. */
    static void forgetOverlapping(Map<Integer, StackSlotValue> s, int off, int size) {
        for (Iterator<Map.Entry<Integer, StackSlotValue>> i = s.entrySet().iterator(); i.hasNext(); ) {
            Map.Entry<Integer, StackSlotValue> e = i.next();
            if (e.getKey() < off + size && off < e.getKey() + e.getValue().size()) i.remove();
        }
    }

    /** Drops the slots known to hold a register from {@code lowest} to {@code highest}, whose value is about to change. */
    static void forgetRegisters(Map<Integer, StackSlotValue> s, int lowest, int highest) {
        for (Iterator<StackSlotValue> i = s.values().iterator(); i.hasNext(); ) {
            StackSlotValue h = i.next();
            if (!h.isImm() && h.reg() >= lowest && h.reg() <= highest) i.remove();
        }
    }
}
