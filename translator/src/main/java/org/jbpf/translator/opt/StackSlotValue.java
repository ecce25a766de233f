package org.jbpf.translator.opt;

import java.util.HashMap;
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
            else m.entrySet().removeIf(e -> !e.getValue().equals(o.get(e.getKey())));
        }
        return m == null ? new HashMap<>() : m;
    }
}
