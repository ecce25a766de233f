package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;
import static org.jbpf.sim.verifier.MutableBounds.LOW;
import static org.jbpf.sim.verifier.MutableBounds.subreg;
import static org.jbpf.sim.verifier.MutableBounds.umax32;
import static org.jbpf.sim.verifier.MutableBounds.umax64;
import static org.jbpf.sim.verifier.MutableBounds.umin32;
import static org.jbpf.sim.verifier.MutableBounds.umin64;

/**
 * The range of a scalar ALU result as the kernel computes it (adjust_scalar_min_max_vals): add, subtract, multiply
 * and the bit operations work out the low half's ranges and the 64-bit ones side by side, whatever the width of
 * the instruction, so that a 64-bit subtraction still leaves the low half a range a 32-bit compare can use; shifts
 * work on the width of the instruction and leave the other ranges to the known bits. A 32-bit result is then
 * zero-extended, and the bounds deduced once more.
 */
final class ScalarAlu {
    private ScalarAlu() {}

    /**
     * {@code dst op src} for a shift by a constant below the width or any other ALU operation but division and
     * remainder, which the caller handles (the kernel tracks no range through them).
     */
    static ScalarBounds apply(int op, ScalarBounds dst, ScalarBounds src, boolean alu32) {
        MutableBounds d = new MutableBounds(dst), s = new MutableBounds(src);
        switch (op) {
            case ADD: add32(d, s); if (!alu32) add64(d, s); d.t = d.t.add(s.t); break;
            case SUB: sub32(d, s); if (!alu32) sub64(d, s); d.t = d.t.sub(s.t); break;
            case MUL: d.t = d.t.mul(s.t); mul32(d, s); if (!alu32) mul64(d, s); break;
            case AND: d.t = d.t.and(s.t); bits32(d, s, AND); if (!alu32) bits64(d, s, AND); break;
            case OR: d.t = d.t.or(s.t); bits32(d, s, OR); if (!alu32) bits64(d, s, OR); break;
            case XOR: d.t = d.t.xor(s.t); bits32(d, s, XOR); if (!alu32) bits64(d, s, XOR); break;
            case LSH: if (alu32) lsh32(d, s); else lsh64(d, s); break;
            case RSH: if (alu32) rsh32(d, s); else rsh64(d, s); break;
            case ARSH: if (alu32) arsh32(d, s); else arsh64(d, s); break;
            default: return alu32 ? ScalarBounds.U32 : ScalarBounds.UNKNOWN;
        }
        if (alu32) d.zext32();
        d.sync();
        return d.freeze();
    }

    /** A pointer's variable offset after {@code op} (ADD or SUB) with a scalar: 64-bit ranges only, as the kernel keeps. */
    static ScalarBounds pointerOffset(int op, ScalarBounds var, ScalarBounds off) {
        MutableBounds d = new MutableBounds(var), s = new MutableBounds(off);
        if (op == ADD) { add64(d, s); d.t = d.t.add(s.t); } else { sub64(d, s); d.t = d.t.sub(s.t); }
        d.mark32Unbounded();
        d.sync();
        return d.freeze();
    }

    private static boolean fits32(long v) { return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE; }

    private static void add32(MutableBounds d, MutableBounds s) {
        long lo = (long) d.s32min + s.s32min, hi = (long) d.s32max + s.s32max;
        if (fits32(lo) && fits32(hi)) { d.s32min = (int) lo; d.s32max = (int) hi; }
        else { d.s32min = Integer.MIN_VALUE; d.s32max = Integer.MAX_VALUE; }
        long ulo = (d.u32min & LOW) + (s.u32min & LOW), uhi = (d.u32max & LOW) + (s.u32max & LOW);
        // every sum wraps or none does: the bounds keep their order either way; only some wrapping is unknown
        d.u32min = (int) ulo;
        d.u32max = (int) uhi;
        if (ulo <= LOW && uhi > LOW) { d.u32min = 0; d.u32max = -1; }
    }

    private static void add64(MutableBounds d, MutableBounds s) {
        long lo = d.smin + s.smin, hi = d.smax + s.smax;
        if (overflowsAdd(d.smin, s.smin, lo) || overflowsAdd(d.smax, s.smax, hi)) { d.smin = Long.MIN_VALUE; d.smax = Long.MAX_VALUE; }
        else { d.smin = lo; d.smax = hi; }
        long ulo = d.umin + s.umin, uhi = d.umax + s.umax;
        boolean minOver = Long.compareUnsigned(ulo, d.umin) < 0, maxOver = Long.compareUnsigned(uhi, d.umax) < 0;
        d.umin = ulo;
        d.umax = uhi;
        if (!minOver && maxOver) { d.umin = 0; d.umax = -1L; }
    }

    private static void sub32(MutableBounds d, MutableBounds s) {
        long lo = (long) d.s32min - s.s32max, hi = (long) d.s32max - s.s32min;
        if (fits32(lo) && fits32(hi)) { d.s32min = (int) lo; d.s32max = (int) hi; }
        else { d.s32min = Integer.MIN_VALUE; d.s32max = Integer.MAX_VALUE; }
        boolean minUnder = Integer.compareUnsigned(d.u32min, s.u32max) < 0, maxUnder = Integer.compareUnsigned(d.u32max, s.u32min) < 0;
        d.u32min = d.u32min - s.u32max;
        d.u32max = d.u32max - s.u32min;
        if (minUnder && !maxUnder) { d.u32min = 0; d.u32max = -1; }
    }

    private static void sub64(MutableBounds d, MutableBounds s) {
        long lo = d.smin - s.smax, hi = d.smax - s.smin;
        if (overflowsSub(d.smin, s.smax, lo) || overflowsSub(d.smax, s.smin, hi)) { d.smin = Long.MIN_VALUE; d.smax = Long.MAX_VALUE; }
        else { d.smin = lo; d.smax = hi; }
        boolean minUnder = Long.compareUnsigned(d.umin, s.umax) < 0, maxUnder = Long.compareUnsigned(d.umax, s.umin) < 0;
        d.umin = d.umin - s.umax;
        d.umax = d.umax - s.umin;
        if (minUnder && !maxUnder) { d.umin = 0; d.umax = -1L; }
    }

    /** Unsigned bounds when neither end's product wraps; signed ones from the four corner products. */
    private static void mul32(MutableBounds d, MutableBounds s) {
        long uhi = (d.u32max & LOW) * (s.u32max & LOW), ulo = (d.u32min & LOW) * (s.u32min & LOW);
        if (Long.compareUnsigned(uhi, LOW) > 0 || Long.compareUnsigned(ulo, LOW) > 0) { d.u32min = 0; d.u32max = -1; }
        else { d.u32min = (int) ulo; d.u32max = (int) uhi; }
        long p0 = (long) d.s32min * s.s32min, p1 = (long) d.s32min * s.s32max;
        long p2 = (long) d.s32max * s.s32min, p3 = (long) d.s32max * s.s32max;
        if (fits32(p0) && fits32(p1) && fits32(p2) && fits32(p3)) {
            d.s32min = (int) Math.min(Math.min(p0, p1), Math.min(p2, p3));
            d.s32max = (int) Math.max(Math.max(p0, p1), Math.max(p2, p3));
        } else { d.s32min = Integer.MIN_VALUE; d.s32max = Integer.MAX_VALUE; }
    }

    private static void mul64(MutableBounds d, MutableBounds s) {
        if (overflowsUnsignedMul(d.umax, s.umax) || overflowsUnsignedMul(d.umin, s.umin)) { d.umin = 0; d.umax = -1L; }
        else { d.umin = d.umin * s.umin; d.umax = d.umax * s.umax; }
        long[] a = { d.smin, d.smin, d.smax, d.smax }, b = { s.smin, s.smax, s.smin, s.smax };
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (int i = 0; i < 4; i++) {
            long p = a[i] * b[i];
            if (Math.multiplyHigh(a[i], b[i]) != (p >> 63)) { d.smin = Long.MIN_VALUE; d.smax = Long.MAX_VALUE; return; }
            lo = Math.min(lo, p);
            hi = Math.max(hi, p);
        }
        d.smin = lo;
        d.smax = hi;
    }

    /**
     * AND, OR and XOR of the low halves, the known bits already combined in {@code d.t}: a constant when both are
     * known, else the unsigned range from the bits and the operands' ranges, and the signed one only when that
     * unsigned range keeps one sign.
     */
    private static void bits32(MutableBounds d, MutableBounds s, int op) {
        Tnum r = subreg(d.t);
        if ((s.t.mask() & LOW) == 0 && r.isConst()) { d.markKnown32(r.value()); return; }
        if (op == AND) { d.u32min = (int) r.value(); d.u32max = umin32(d.u32max, s.u32max); }
        else if (op == OR) { d.u32min = umax32(d.u32min, s.u32min); d.u32max = (int) (r.value() | r.mask()); }
        else { d.u32min = (int) r.value(); d.u32max = (int) (r.value() | r.mask()); }
        if (d.u32min <= d.u32max) { d.s32min = d.u32min; d.s32max = d.u32max; }
        else { d.s32min = Integer.MIN_VALUE; d.s32max = Integer.MAX_VALUE; }
    }

    private static void bits64(MutableBounds d, MutableBounds s, int op) {
        if (s.t.isConst() && d.t.isConst()) { d.markKnown(d.t.value()); return; }
        if (op == AND) { d.umin = d.t.value(); d.umax = umin64(d.umax, s.umax); }
        else if (op == OR) { d.umin = umax64(d.umin, s.umin); d.umax = d.t.value() | d.t.mask(); }
        else { d.umin = d.t.value(); d.umax = d.t.value() | d.t.mask(); }
        if (d.umin <= d.umax) { d.smin = d.umin; d.smax = d.umax; }
        else { d.smin = Long.MIN_VALUE; d.smax = Long.MAX_VALUE; }
        d.updateBounds();
    }

    private static void lsh32Ranges(MutableBounds d, long umin, long umax) {
        d.s32min = Integer.MIN_VALUE;
        d.s32max = Integer.MAX_VALUE;
        // a bit shifted out of the top leaves nothing known
        if (umax > 31 || (d.u32max & LOW) > 1L << (31 - umax)) { d.u32min = 0; d.u32max = -1; }
        else { d.u32min <<= umin; d.u32max <<= umax; }
    }

    private static void lsh32(MutableBounds d, MutableBounds s) {
        int k = s.u32min;
        Tnum low = subreg(d.t);
        lsh32Ranges(d, s.u32min & LOW, s.u32max & LOW);
        d.t = subreg(low.lsh(k));
        d.mark64Unbounded();
        d.updateBounds();
    }

    private static void lsh64(MutableBounds d, MutableBounds s) {
        int k = (int) s.umin;
        // << 32 of the low half's signed range, the compiler's first step of a sign extension
        if (s.umin == 32 && s.umax == 32) { d.smin = (long) d.s32min << 32; d.smax = (long) d.s32max << 32; }
        else { d.smin = Long.MIN_VALUE; d.smax = Long.MAX_VALUE; }
        if (Long.compareUnsigned(d.umax, 1L << (63 - s.umax)) > 0) { d.umin = 0; d.umax = -1L; }
        else { d.umin <<= s.umin; d.umax <<= s.umax; }
        lsh32Ranges(d, s.umin, s.umax);
        d.t = d.t.lsh(k);
        d.updateBounds();
    }

    private static void rsh32(MutableBounds d, MutableBounds s) {
        Tnum low = subreg(d.t);
        d.s32min = Integer.MIN_VALUE;
        d.s32max = Integer.MAX_VALUE;
        d.t = low.ursh(s.u32min);
        d.u32min = (int) ((d.u32min & LOW) >>> s.u32max);
        d.u32max = (int) ((d.u32max & LOW) >>> s.u32min);
        d.mark64Unbounded();
        d.updateBounds();
    }

    private static void rsh64(MutableBounds d, MutableBounds s) {
        d.smin = Long.MIN_VALUE;
        d.smax = Long.MAX_VALUE;
        d.t = d.t.ursh((int) s.umin);
        d.umin >>>= s.umax;
        d.umax >>>= s.umin;
        d.mark32Unbounded();
        d.updateBounds();
    }

    /** An arithmetic shift moves the signed range; the unsigned one is left to the known bits. */
    private static void arsh32(MutableBounds d, MutableBounds s) {
        int k = s.u32min;
        d.s32min >>= k;
        d.s32max >>= k;
        d.t = subreg(d.t).arsh(k, 32);
        d.u32min = 0;
        d.u32max = -1;
        d.mark64Unbounded();
        d.updateBounds();
    }

    private static void arsh64(MutableBounds d, MutableBounds s) {
        int k = (int) s.umin;
        d.smin >>= k;
        d.smax >>= k;
        d.t = d.t.arsh(k, 64);
        d.umin = 0;
        d.umax = -1L;
        d.mark32Unbounded();
        d.updateBounds();
    }

    private static boolean overflowsAdd(long a, long b, long r) { return ((a ^ r) & (b ^ r)) < 0; }
    private static boolean overflowsSub(long a, long b, long r) { return ((a ^ b) & (a ^ r)) < 0; }
    private static boolean overflowsUnsignedMul(long a, long b) {
        return a != 0 && Long.compareUnsigned(b, Long.divideUnsigned(-1L, a)) > 0;
    }
}
