package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;

/**
 * Drops a store to a stack slot that already holds the same value on every path — typically a map key written to
 * its scratch slot again before the next map call. Works on virtual registers, before allocation.
 */
final class RedundantStoreElimination implements Pass {

    /** What a stack slot is known to hold: the value of a register (or a constant) stored with a given size. */

    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        MirBlocks blocks = new MirBlocks(code);
        boolean stackPointerEscapes = false;
        for (Mir.MInsn m : code)
            if (!m.isLabel() && m.opcode == (ALU64 | MOV | X) && m.src == R10 && Mir.isVirtual(m.dst)) stackPointerEscapes = true;

        List<Map<Integer, StackSlotValue>> in = new ArrayList<>();
        List<Map<Integer, StackSlotValue>> out = new ArrayList<>();
        for (int b = 0; b < blocks.count; b++) { in.add(null); out.add(null); }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = 0; b < blocks.count; b++) {
                Map<Integer, StackSlotValue> state = StackSlotValue.meet(blocks.pred.get(b), out, b == 0);
                in.set(b, state);
                Map<Integer, StackSlotValue> s = new HashMap<>(state);
                for (int p = blocks.start[b]; p <= blocks.end[b]; p++) transfer(code.get(p), s, stackPointerEscapes, null);
                if (!Objects.equals(s, out.get(b))) { out.set(b, s); changed = true; }
            }
        }
        List<Mir.MInsn> removed = new ArrayList<>();
        for (int b = 0; b < blocks.count; b++) {
            Map<Integer, StackSlotValue> s = new HashMap<>(in.get(b));
            for (int p = blocks.start[b]; p <= blocks.end[b]; p++) transfer(code.get(p), s, stackPointerEscapes, removed);
        }
        code.removeAll(removed);
    }


    private static void transfer(Mir.MInsn m, Map<Integer, StackSlotValue> s, boolean stackPointerEscapes, List<Mir.MInsn> redundant) {
        if (m.isLabel()) return;
        int c = cls(m.opcode);
        if ((c == ST || c == STX) && mode(m.opcode) == MEM) {
            int size = sizeBytes(m.opcode);
            if (m.dst == R10) {
                StackSlotValue h = c == ST ? new StackSlotValue(size, -1, m.imm, true) : new StackSlotValue(size, m.src, 0, false);
                if (redundant != null && h.equals(s.get(m.off))) { redundant.add(m); return; }
                StackSlotValue.forgetOverlapping(s, m.off, size);
                s.put(m.off, h);
            } else if (stackPointerEscapes) {
                s.clear();
            }
            return;
        }
        if (c == STX) { if (stackPointerEscapes) s.clear(); return; }   // atomics
        if (m.isCall()) {
            if (FrameEscapes.callWritesMemory(m)) s.clear();
            StackSlotValue.forgetRegisters(s, Integer.MIN_VALUE, R5);
            return;
        }
        int d = Mir.def(m);
        if (d >= 0) StackSlotValue.forgetRegisters(s, d, d);
    }
}
