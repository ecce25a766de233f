package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.HashMap;
import java.util.Map;
import org.jbpf.core.asm.AluSemantics;
import org.jbpf.translator.mir.Mir;

/**
 * Uses what a virtual register is known to hold within a block: arithmetic on constants becomes one move of the
 * result, a constant operand becomes the instruction's immediate (in arithmetic, comparisons and stack stores), and
 * {@code x = 0; x += y} becomes {@code x = y}; a division by an immediate zero, which the kernel refuses, takes BPF's
 * rule instead ({@code x / 0} is 0, {@code x % 0} is x). The fields of a local struct forwarded by
 * {@link StackLoadForwarding} are often such constants: a zero-filled counter incremented once is the constant 1.
 */
final class ConstantFolding implements Pass {
    @Override
    public void run(Mir mir) {
        Map<Integer, Long> everywhere = singleConstants(mir);
        Map<Integer, Long> known = new HashMap<>(everywhere);
        for (Mir.MInsn m : mir.code) {
            if (m.isLabel()) { known = new HashMap<>(everywhere); continue; }   // a block with more than one way in
            if (m.ref != null) {
                // the loader rewrites this instruction's immediate (a CO-RE offset, size or shift): not a constant here
                if (Mir.isVirtual(Mir.def(m))) known.remove(Mir.def(m));
                continue;
            }
            int c = cls(m.opcode);
            if (c == ALU || c == ALU64) alu(m, known);
            else if (c == STX && mode(m.opcode) == MEM && m.dst == R10 && known.containsKey(m.src)) storeImmediate(m, known.get(m.src));
            else if ((c == JMP || c == JMP32) && m.isJump() && source(m.opcode) == X) compare(m, known);
            else if (Mir.isVirtual(Mir.def(m))) known.remove(Mir.def(m));
        }
        removeOverwritten(mir);
        new DeadCodeElimination().run(mir);
    }

    /** Virtual registers set once, to a constant: they hold it wherever they are read. */
    private static Map<Integer, Long> singleConstants(Mir mir) {
        int[] defs = new int[mir.vregCount()];
        Map<Integer, Long> value = new HashMap<>();
        for (Mir.MInsn m : mir.code) {
            int d = Mir.def(m);
            if (!Mir.isVirtual(d)) continue;
            defs[d]++;
            if (m.ref != null) continue;   // relocated by the loader
            if (m.opcode == (ALU64 | MOV | K)) value.put(d, (long) (int) m.imm);
            else if (m.opcode == (ALU | MOV | K)) value.put(d, m.imm & 0xffffffffL);
        }
        for (java.util.Iterator<Integer> i = value.keySet().iterator(); i.hasNext(); ) if (defs[i.next()] != 1) i.remove();
        return value;
    }

    /** Drops a computation of a virtual register that the same block computes again before anything reads it. */
    private static void removeOverwritten(Mir mir) {
        Map<Integer, Mir.MInsn> pending = new HashMap<>();
        java.util.List<Mir.MInsn> dead = new java.util.ArrayList<>();
        for (Mir.MInsn m : mir.code) {
            if (m.isLabel() || m.isJump() || m.isExit()) { pending.clear(); continue; }   // another block may read it
            for (int u : Mir.uses(m)) pending.remove(u);
            int d = Mir.def(m), c = cls(m.opcode);
            if (!Mir.isVirtual(d)) continue;
            Mir.MInsn before = pending.remove(d);
            if (before != null) dead.add(before);
            if (c == ALU || c == ALU64 || c == LD) pending.put(d, m);
        }
        mir.code.removeAll(dead);
    }

    /** The condition with its operands swapped: {@code a > b} is {@code b < a}. */
    private static int mirrored(int op) {
        switch (op) {
            case JGT: return JLT;
            case JLT: return JGT;
            case JGE: return JLE;
            case JLE: return JGE;
            case JSGT: return JSLT;
            case JSLT: return JSGT;
            case JSGE: return JSLE;
            case JSLE: return JSGE;
            default: return op;   // JEQ, JNE, JSET
        }
    }

    /** A comparison with a known constant on either side compares with an immediate. */
    private static void compare(Mir.MInsn m, Map<Integer, Long> known) {
        if (!known.containsKey(m.src) && known.containsKey(m.dst) && Mir.isVirtual(m.src)) {
            int other = m.src;
            m.src = m.dst;
            m.dst = other;
            m.opcode = cls(m.opcode) | mirrored(op(m.opcode)) | X;
        }
        if (known.containsKey(m.src)) compareImmediate(m, known.get(m.src));
    }

    private static void alu(Mir.MInsn m, Map<Integer, Long> known) {
        int op = op(m.opcode);
        boolean wide = cls(m.opcode) == ALU64, imm = source(m.opcode) == K;
        Long src = imm ? Long.valueOf((int) m.imm) : known.get(m.src);
        Long dst = known.get(m.dst);
        Long result = null;
        if (op == MOV && m.off == 0) result = src == null ? null : wide ? src : src & 0xffffffffL;
        else if (op != MOV && op != END && op != NEG && dst != null && src != null) result = AluSemantics.eval(m.opcode, m.off, m.imm, dst, src);
        if (result == null && imm && (op == DIV || op == MOD) && (int) m.imm == 0) {
            // a divisor the lowering knew to be zero, which the kernel refuses as an immediate: BPF's rule instead,
            // x / 0 is 0 and x % 0 is x (in 32 bits, its low half)
            if (op == DIV) result = 0L;
            else {
                m.opcode = cls(m.opcode) | MOV | X;
                m.src = m.dst;
                m.off = 0;
                m.imm = 0;
            }
        }
        if (result != null) {
            if (!(op == MOV && imm)) toMove(m, result);
        } else if (!imm && src != null && op != MOV && op != END && !((op == DIV || op == MOD) && src == 0) && (!wide || src == (long) (int) (long) src)) {
            m.opcode = cls(m.opcode) | op | K;   // 32-bit arithmetic reads only the low half of the operand
            m.imm = (int) (long) src;
            // a shift by a register takes the count modulo the width; an immediate must already be below it
            if (op == LSH || op == RSH || op == ARSH) m.imm &= wide ? 63 : 31;
            m.src = 0;
        } else if (!imm && wide && dst != null && dst == 0 && (op == ADD || op == OR || op == XOR)) {
            m.opcode = ALU64 | MOV | X;
            m.off = 0;
        }
        if (!Mir.isVirtual(m.dst)) return;
        if (result != null) known.put(m.dst, result);
        else known.remove(m.dst);
    }

    /** Makes m a move of the constant: one 64-bit move when it fits a sign-extended immediate, else a 32-bit one when it fits that. */
    private static void toMove(Mir.MInsn m, long v) {
        if (v == (int) v) m.opcode = ALU64 | MOV | K;
        else if (v >= 0 && v <= 0xffffffffL) m.opcode = ALU | MOV | K;
        else return;   // needs a 64-bit load: leave the computation
        m.imm = (int) v;
        m.src = 0;
        m.off = 0;
    }

    private static void storeImmediate(Mir.MInsn m, long v) {
        int size = sizeBytes(m.opcode);
        if (size == 8 && v != (int) v) return;
        m.opcode = ST | (m.opcode & 0x18) | MEM;
        m.imm = (int) v;
        m.src = 0;
    }

    private static void compareImmediate(Mir.MInsn m, long v) {
        if (cls(m.opcode) == JMP && v != (int) v) return;
        m.opcode = cls(m.opcode) | op(m.opcode) | K;
        m.imm = (int) v;
        m.src = 0;
    }
}
