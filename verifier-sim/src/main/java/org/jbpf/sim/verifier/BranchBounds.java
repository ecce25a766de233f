package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

/**
 * What a conditional jump teaches about two scalars: their bounds on the taken or the fall-through edge, or
 * null when that edge cannot be taken at all.
 */
final class BranchBounds {
    private BranchBounds() {}

    /** Pseudo operation for "bits in common are zero", the fall-through edge of JSET. */
    private static final int NSET = 0x100;

    static ScalarBounds[] refine(int op, boolean taken, ScalarBounds a, ScalarBounds b) {
        int rel = taken ? op : negate(op);
        ScalarBounds[] r = apply(rel, a, b);
        if (r == null) return null;
        if (r[0].isEmpty() || r[1].isEmpty()) return null;
        r[0] = r[0].normalizeOnEdge();
        r[1] = r[1].normalizeOnEdge();
        return r[0].isEmpty() || r[1].isEmpty() ? null : r;
    }

    private static int negate(int op) {
        if (op == JSET) return NSET;
        int inverse = inverseJump(op);
        if (inverse < 0) throw new IllegalArgumentException("not a conditional jump: " + op);
        return inverse;
    }

    private static ScalarBounds[] apply(int rel, ScalarBounds a, ScalarBounds b) {
        switch (rel) {
            case JEQ: {
                ScalarBounds m = a.meet(b);
                return m.isEmpty() ? null : new ScalarBounds[] { m, m };
            }
            case JNE:
                if (a.isConst() && b.isConst() && a.constValue() == b.constValue()) return null;
                return new ScalarBounds[] { b.isConst() ? exclude(a, b.constValue()) : a,
                        a.isConst() ? exclude(b, a.constValue()) : b };
            case JGT: {
                if (b.umin() == -1L || a.umax() == 0) return null;
                return new ScalarBounds[] { withU(a, umax(a.umin(), b.umin() + 1), a.umax()),
                        withU(b, b.umin(), umin(b.umax(), a.umax() - 1)) };
            }
            case JGE:
                return new ScalarBounds[] { withU(a, umax(a.umin(), b.umin()), a.umax()),
                        withU(b, b.umin(), umin(b.umax(), a.umax())) };
            case JLT: { ScalarBounds[] r = apply(JGT, b, a); return r == null ? null : swap(r); }
            case JLE: { ScalarBounds[] r = apply(JGE, b, a); return r == null ? null : swap(r); }
            case JSGT: {
                if (b.smin() == Long.MAX_VALUE || a.smax() == Long.MIN_VALUE) return null;
                return new ScalarBounds[] { withS(a, Math.max(a.smin(), b.smin() + 1), a.smax()),
                        withS(b, b.smin(), Math.min(b.smax(), a.smax() - 1)) };
            }
            case JSGE:
                return new ScalarBounds[] { withS(a, Math.max(a.smin(), b.smin()), a.smax()),
                        withS(b, b.smin(), Math.min(b.smax(), a.smax())) };
            case JSLT: { ScalarBounds[] r = apply(JSGT, b, a); return r == null ? null : swap(r); }
            case JSLE: { ScalarBounds[] r = apply(JSGE, b, a); return r == null ? null : swap(r); }
            case JSET: {
                // like the kernel, decide a JSET edge only when one side is a constant (r0 & r0 stays open)
                if (!a.isConst() && !b.isConst()) return new ScalarBounds[] { a, b };
                long possibleA = a.tnum().value() | a.tnum().mask(), possibleB = b.tnum().value() | b.tnum().mask();
                if ((possibleA & possibleB) == 0) return null;
                // a single bit tested is known set; the ranges stay
                if (b.isConst() && !a.isConst() && Long.bitCount(b.constValue()) == 1) return new ScalarBounds[] { setBit(a, b.constValue()), b };
                if (a.isConst() && !b.isConst() && Long.bitCount(a.constValue()) == 1) return new ScalarBounds[] { a, setBit(b, a.constValue()) };
                return new ScalarBounds[] { a, b };
            }
            case NSET: {
                if (!a.isConst() && !b.isConst()) return new ScalarBounds[] { a, b };
                if ((a.tnum().value() & b.tnum().value()) != 0) return null;
                if (a.isConst() && b.isConst()) return new ScalarBounds[] { a, b };
                if (b.isConst()) return new ScalarBounds[] { clearBits(a, b.constValue()), b };
                return new ScalarBounds[] { a, clearBits(b, a.constValue()) };
            }
            default: throw new IllegalArgumentException("not a relation: " + rel);
        }
    }

    /**
     * {@code x} on the fall-through edge of a JSET against {@code c}: the bits of {@code c} are clear. The kernel
     * forgets the ranges there and keeps only the known bits (it may be on a dead edge), so the bounds come from them.
     */
    static ScalarBounds clearBits(ScalarBounds x, long c) {
        return new ScalarBounds(new Tnum(x.tnum().value() & ~c, x.tnum().mask() & ~c), Long.MIN_VALUE, Long.MAX_VALUE, 0, -1L);
    }

    private static ScalarBounds setBit(ScalarBounds x, long bit) {
        return new ScalarBounds(new Tnum(x.tnum().value() | bit, x.tnum().mask() & ~bit), x.smin(), x.smax(), x.umin(), x.umax(),
                x.s32min(), x.s32max(), x.u32min(), x.u32max());
    }

    private static ScalarBounds[] swap(ScalarBounds[] r) { return new ScalarBounds[] { r[1], r[0] }; }

    private static ScalarBounds exclude(ScalarBounds x, long c) {
        long uMin = x.umin(), uMax = x.umax(), sMin = x.smin(), sMax = x.smax();
        if (uMin == c) uMin++;
        if (uMax == c) uMax--;
        if (sMin == c) sMin++;
        if (sMax == c) sMax--;
        if (x.umin() == c && c == -1L || x.umax() == c && c == 0 || x.smin() == c && c == Long.MAX_VALUE
                || x.smax() == c && c == Long.MIN_VALUE) return ScalarBounds.EMPTY;
        return new ScalarBounds(x.tnum(), sMin, sMax, uMin, uMax, x.s32min(), x.s32max(), x.u32min(), x.u32max());
    }

    /**
     * New unsigned bounds. A signed range that crosses zero is replaced by them rather than intersected: the kernel's
     * deduction keeps no more than that (given smin=-(2^33-2), smax=0 and unknown low 32 bits, narrowing umax to
     * 0x7ffffffe leaves smax=0x7ffffffe there, not 0), and the simulation must not know more than the kernel.
     */
    private static ScalarBounds withU(ScalarBounds x, long uMin, long uMax) {
        if (x.smin() < 0 && x.smax() >= 0 && uMin <= uMax) return new ScalarBounds(x.tnum(), uMin, uMax, uMin, uMax, x.s32min(), x.s32max(), x.u32min(), x.u32max());
        return new ScalarBounds(x.tnum(), x.smin(), x.smax(), uMin, uMax, x.s32min(), x.s32max(), x.u32min(), x.u32max());
    }

    private static ScalarBounds withS(ScalarBounds x, long sMin, long sMax) {
        return new ScalarBounds(x.tnum(), sMin, sMax, x.umin(), x.umax(), x.s32min(), x.s32max(), x.u32min(), x.u32max());
    }

    private static long umax(long a, long b) { return Long.compareUnsigned(a, b) >= 0 ? a : b; }
    private static long umin(long a, long b) { return Long.compareUnsigned(a, b) <= 0 ? a : b; }
}
