package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirBlocks;

/**
 * A sign extension of a value that already holds its extended value is a copy: {@code d = (s32) s} where s lies
 * in 0..2^31-1 on every path to it, as an int made by 32-bit arithmetic (which zero-extends) and tested
 * non-negative does; likewise {@code (s8)} and {@code (s16)} within 0..127 and 0..32767. Copy propagation then
 * removes the copy. Where the kernel verifier knows that range too ({@link RangeTransfer#verifierView}), the copy
 * replaces the extension whatever d is used for, since the verifier knows the same of d either way. Where only the
 * instructions prove it ({@link RangeTransfer#runtimeView}: the verifier knows nothing of a 32-bit difference of
 * packet pointers, such as {@code ctx.length()}), only when d is set there alone and only ever stored to memory, a
 * use for which the verifier needs no range of d.
 */
final class SignExtensionElimination implements Pass {
    @Override
    public void run(Mir mir) {
        List<Mir.MInsn> code = mir.code;
        if (!hasSignExtension(code)) return;   // two analyses spared
        MirBlocks blocks = new MirBlocks(code);
        RangeTransfer verifier = RangeTransfer.verifierView(code), runtime = RangeTransfer.runtimeView(code);
        Map<Integer, Interval>[] known = RangeBranchFolding.analyse(code, blocks, verifier);
        Map<Integer, Interval>[] actual = RangeBranchFolding.analyse(code, blocks, runtime);
        Map<Integer, Integer> defs = null;
        for (int b = 0; b < blocks.count; b++) {
            if (actual[b] == null) continue;   // no value reaches it
            Map<Integer, Interval> k = known[b] == null ? null : new HashMap<>(known[b]), a = new HashMap<>(actual[b]);
            for (int p = blocks.start[b]; p <= blocks.end[b]; p++) {
                Mir.MInsn m = code.get(p);
                if (isSignExtension(m)) {
                    boolean copy = k != null && keepsValue(k, m);
                    if (!copy && keepsValue(a, m)) {
                        if (defs == null) defs = definitions(code);
                        copy = onlyStored(code, m, defs);
                    }
                    if (copy) {
                        m.opcode = ALU64 | MOV | X;
                        m.off = 0;
                    }
                }
                if (k != null) verifier.apply(m, k);
                runtime.apply(m, a);
            }
        }
    }

    /** {@code d = (sN) s}, 64 or 32 bits wide, from a register. */
    private static boolean isSignExtension(Mir.MInsn m) {
        return !m.isLabel() && m.ref == null && (m.opcode == (ALU64 | MOV | X) || m.opcode == (ALU | MOV | X))
                && (m.off == 8 || m.off == 16 || m.off == 32 && cls(m.opcode) == ALU64);
    }

    /** Whether the source lies within 0..2^(N-1)-1, where extending its low N bits gives it back. */
    private static boolean keepsValue(Map<Integer, Interval> state, Mir.MInsn m) {
        return RangeTransfer.get(state, m.src).within(0, (1L << (m.off - 1)) - 1);
    }

    private static boolean hasSignExtension(List<Mir.MInsn> code) {
        for (Mir.MInsn m : code) if (isSignExtension(m)) return true;
        return false;
    }

    /** How many instructions write each register. */
    private static Map<Integer, Integer> definitions(List<Mir.MInsn> code) {
        Map<Integer, Integer> defs = new HashMap<>();
        for (Mir.MInsn m : code) {
            int d = Mir.def(m);
            if (d >= 0) defs.put(d, defs.getOrDefault(d, 0) + 1);
        }
        return defs;
    }

    /**
     * Whether the extension's result is written there alone and every instruction that reads it stores it: a plain
     * store or an atomic add, and, or, xor that fetches nothing back.
     */
    private static boolean onlyStored(List<Mir.MInsn> code, Mir.MInsn ext, Map<Integer, Integer> defs) {
        int d = ext.dst;
        if (!Mir.isVirtual(d) || d == ext.src || defs.getOrDefault(d, 0) != 1) return false;
        for (Mir.MInsn m : code) {
            if (!MirQueries.reads(m, d)) continue;
            if (cls(m.opcode) != STX || m.src != d || m.dst == d) return false;
            boolean atomic = mode(m.opcode) == ATOMIC;
            if (!atomic && mode(m.opcode) != MEM) return false;
            if (atomic && m.imm != ADD && m.imm != AND && m.imm != OR && m.imm != XOR) return false;
        }
        return true;
    }
}
