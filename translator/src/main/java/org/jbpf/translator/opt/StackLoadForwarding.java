package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jbpf.translator.backend.StackFrameLayout;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;

/**
 * Replaces a load from a stack slot by the value stored there when that value is known on every path: a virtual
 * register still unchanged, or a constant. A local struct's fields then live in registers between their stores and
 * reads; the stores themselves stay until {@link UnreadStackStoreElimination} finds that nothing reads them.
 */
final class StackLoadForwarding implements Pass {

    /** A slot's content: the low {@code size} bytes of a virtual register, or of a constant. */

    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        MirBlocks blocks = new MirBlocks(code);
        BitSet escaped = FrameEscapes.of(mir);
        List<Map<Integer, StackSlotValue>> out = new ArrayList<>();
        for (int b = 0; b < blocks.count; b++) out.add(null);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b = 0; b < blocks.count; b++) {
                Map<Integer, StackSlotValue> s = StackSlotValue.meet(blocks.pred.get(b), out, b == 0);
                for (int p = blocks.start[b]; p <= blocks.end[b]; p++) transfer(code.get(p), s, escaped);
                if (!Objects.equals(s, out.get(b))) { out.set(b, s); changed = true; }
            }
        }
        RegisterPressure pressure = new RegisterPressure(mir);
        boolean[] zeroExtended = zeroExtended(mir);
        for (int b = 0; b < blocks.count; b++) {
            Map<Integer, StackSlotValue> s = StackSlotValue.meet(blocks.pred.get(b), out, b == 0);
            for (int p = blocks.start[b]; p <= blocks.end[b]; p++) {
                Mir.MInsn m = code.get(p);
                if (cls(m.opcode) == LDX && mode(m.opcode) == MEM && m.src == R10) forward(m, s, pressure, p, zeroExtended);
                transfer(m, s, escaped);
            }
        }
    }

    /** Replaces the load at position p by what its slot holds, when that is known and the register stays free long enough. */
    private static void forward(Mir.MInsn load, Map<Integer, StackSlotValue> s, RegisterPressure pressure, int p, boolean[] zeroExtended) {
        int size = sizeBytes(load.opcode);
        StackSlotValue h = s.get(load.off);
        if (h != null && h.size() == size && (h.isImm() || pressure.extend(h.reg(), p))) {
            replace(load, h);
            if (!h.isImm() && size == 4 && load.opcode == (ALU | MOV | X) && zeroExtended[h.reg()]) load.opcode = ALU64 | MOV | X;
            return;
        }
        for (Map.Entry<Integer, StackSlotValue> e : s.entrySet()) {   // part of a wider constant, e.g. a field of a zero-filled struct
            StackSlotValue w = e.getValue();
            int at = load.off - e.getKey();
            if (w.isImm() && at >= 0 && at + size <= w.size() && at < 8) {
                replace(load, new StackSlotValue(size, -1, w.imm() >>> (8 * at), true));
                return;
            }
        }
    }


    private static void transfer(Mir.MInsn m, Map<Integer, StackSlotValue> s, BitSet escaped) {
        if (m.isLabel()) return;
        int c = cls(m.opcode);
        if ((c == ST || c == STX) && mode(m.opcode) == MEM && m.dst == R10) {
            int size = sizeBytes(m.opcode);
            forget(s, m.off, size);
            if (c == ST) s.put(m.off, new StackSlotValue(size, -1, size == 8 ? (long) (int) m.imm : m.imm, true));
            else if (Mir.isVirtual(m.src)) s.put(m.off, new StackSlotValue(size, m.src, 0, false));
            return;
        }
        if (c == ST || c == STX) {   // through another pointer, or an atomic: may write any escaped byte
            if (m.dst == R10) forget(s, m.off, sizeBytes(m.opcode));
            else forgetEscaped(s, escaped);
            return;
        }
        if (m.isCall()) {
            if (FrameEscapes.callWritesMemory(m)) forgetEscaped(s, escaped);
            return;
        }
        int d = Mir.def(m);
        if (d >= 0) StackSlotValue.forgetRegisters(s, d, d);
    }

    /**
     * Virtual registers whose upper 32 bits are zero wherever they are set (32-bit arithmetic, loads of 4 bytes or
     * fewer): a 4-byte slot holding one reads back as a plain copy, which copy propagation then removes.
     */
    private static boolean[] zeroExtended(Mir mir) {
        boolean[] narrow = new boolean[mir.vregCount()];
        boolean[] wide = new boolean[mir.vregCount()];
        for (Mir.MInsn m : mir.code) {
            int d = Mir.def(m);
            if (!Mir.isVirtual(d)) continue;
            int c = cls(m.opcode);
            boolean zeroes = c == ALU && verifierZeroExtends(m) || c == LDX && mode(m.opcode) == MEM && sizeBytes(m.opcode) <= 4;
            if (zeroes) narrow[d] = true;
            else wide[d] = true;
        }
        for (int v = 0; v < narrow.length; v++) narrow[v] &= !wide[v];
        return narrow;
    }

    /**
     * Whether the kernel verifier, too, knows the upper half of this 32-bit result is zero: it forgets the whole
     * register after a division, a modulo, a byte swap or a shift by a register, so a copy of such a result would
     * reach a bounds check without the zero-extension the 4-byte load gave it.
     */
    private static boolean verifierZeroExtends(Mir.MInsn m) {
        int op = op(m.opcode);
        if (op == END || op == DIV || op == MOD) return false;
        return !((op == LSH || op == RSH || op == ARSH) && source(m.opcode) == X);
    }

    /**
     * Drops what is known about slots whose address is taken: another pointer or a helper may have written them. A
     * slot below the 512 bytes {@link FrameEscapes} tracks counts as escaped; such a frame is refused after allocation.
     */
    private static void forgetEscaped(Map<Integer, StackSlotValue> s, BitSet escaped) {
        for (Iterator<Map.Entry<Integer, StackSlotValue>> i = s.entrySet().iterator(); i.hasNext(); ) {
            Map.Entry<Integer, StackSlotValue> e = i.next();
            int from = e.getKey() + StackFrameLayout.MAX_STACK;
            if (from < 0) { i.remove(); continue; }   // below what FrameEscapes tracks
            int set = escaped.nextSetBit(from);   // an escaped byte within the slot
            if (set >= 0 && set < from + e.getValue().size()) i.remove();
        }
    }

    /** Drops what is known about slots that overlap the {@code size} bytes at {@code off}. */
    private static void forget(Map<Integer, StackSlotValue> s, int off, int size) {
        StackSlotValue.forgetOverlapping(s, off, size);
    }

    /** Turns the load into a move of what it would read: loads zero-extend, so narrower registers need a 32-bit move. */
    private static void replace(Mir.MInsn load, StackSlotValue h) {
        int size = h.size();
        if (h.isImm()) {
            long v = size == 8 ? h.imm() : h.imm() & (size == 4 ? 0xffffffffL : size == 2 ? 0xffff : 0xff);
            if (v != (int) v) {
                if (size != 4) return;   // a 64-bit constant needs two slots: the load is as short
                load.opcode = ALU | MOV | K;   // the 32-bit move zero-extends
            } else {
                load.opcode = ALU64 | MOV | K;
            }
            load.imm = (int) v;
            load.src = 0;
        } else {
            if (size == 8) load.opcode = ALU64 | MOV | X;
            else if (size == 4) load.opcode = ALU | MOV | X;
            else return;   // a 16- or 8-bit value would need a mask: the load is as short
            load.src = h.reg();
            load.imm = 0;
        }
        load.off = 0;
    }
}
