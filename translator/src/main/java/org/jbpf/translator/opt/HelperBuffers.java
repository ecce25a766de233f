package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.translator.mir.Mir;

/**
 * The frame bytes a helper call is given as its buffer: an address {@code r10 + K} in r1 and a constant size in r2, both
 * found by following the registers' definitions back within the call's block. Anything else (a pointer from
 * elsewhere, a size known only at run time, a definition in another block) is not known, and the passes asking leave
 * such calls alone.
 */
final class HelperBuffers {
    private HelperBuffers() {}

    /** How far back a register's definition is followed through copies and additions. */
    private static final int MAX_STEPS = 8;

    /**
     * The buffer of the helper call at {@code call}, whose block starts at {@code blockStart}, as {offset from r10, size},
     * or null when either is not known or the size is not above zero.
     */
    static int[] frameBuffer(List<Mir.MInsn> code, int blockStart, int call) {
        Mir.MInsn m = code.get(call);
        if (!m.isCall() || m.src != 0 || m.callArgs < 2) return null;
        Long offset = frameOffset(code, blockStart, call, R1, MAX_STEPS);
        Long size = constant(code, blockStart, call, R2, MAX_STEPS);
        if (offset == null || size == null || size <= 0 || offset >= 0 || offset + size > 0) return null;
        return new int[] {(int) (long) offset, (int) (long) size};
    }

    /** The position of the last instruction before {@code pos} in its block that sets {@code reg}, or -1 when none does or a call clobbers it. */
    private static int definition(List<Mir.MInsn> code, int blockStart, int pos, int reg) {
        for (int p = pos - 1; p >= blockStart; p--) {
            Mir.MInsn m = code.get(p);
            if (m.isLabel()) return -1;
            if (m.isCall() && reg <= R5) return -1;
            if (Mir.def(m) == reg) return p;
        }
        return -1;
    }

    /** K when {@code reg} holds {@code r10 + K} just before {@code pos} (in the block from {@code blockStart}), else null. */
    static Long frameOffset(List<Mir.MInsn> code, int blockStart, int pos, int reg) { return frameOffset(code, blockStart, pos, reg, MAX_STEPS); }

    private static Long frameOffset(List<Mir.MInsn> code, int blockStart, int pos, int reg, int steps) {
        if (reg == R10) return 0L;
        int d = definition(code, blockStart, pos, reg);
        if (d < 0 || steps == 0) return null;
        Mir.MInsn m = code.get(d);
        if (m.ref != null) return null;
        if (m.opcode == (ALU64 | MOV | X)) return frameOffset(code, blockStart, d, m.src, steps - 1);
        if (m.opcode == (ALU64 | ADD | K)) {
            Long base = frameOffset(code, blockStart, d, reg, steps - 1);
            return base == null ? null : base + m.imm;
        }
        return null;
    }

    /** The constant {@code reg} holds just before {@code pos}, else null. */
    private static Long constant(List<Mir.MInsn> code, int blockStart, int pos, int reg, int steps) {
        int d = definition(code, blockStart, pos, reg);
        if (d < 0 || steps == 0) return null;
        Mir.MInsn m = code.get(d);
        if (m.ref != null) return null;   // a constant the loader rewrites (a CO-RE size) is not this one
        if (m.opcode == (ALU64 | MOV | K)) return m.imm;
        if (m.opcode == (ALU | MOV | K)) return m.imm & 0xffffffffL;
        if (m.opcode == (ALU64 | MOV | X)) return constant(code, blockStart, d, m.src, steps - 1);
        return null;
    }
}
