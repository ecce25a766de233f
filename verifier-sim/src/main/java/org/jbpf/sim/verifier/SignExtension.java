package org.jbpf.sim.verifier;

/**
 * The bounds of a sign-extending move ({@code r1 = (s8)r2}, {@code w1 = (s16)w2}) and load, as the 6.18 kernel
 * computes them (coerce_reg_to_size_sx, coerce_subreg_to_size_sx): a constant stays exact; otherwise only the signed
 * range survives, and only when both of its ends lie in one window of the narrow width and extend to the same sign;
 * the known bits are then those of that range, whatever bits were known before. Anything else is the narrow type's
 * full range. From 32 bits the result is the low half's signed range, and the low half keeps its own signed and
 * unsigned ranges, which the kernel keeps apart; its known bits are only those of the ranges. Keeping more (the known
 * bits through the move) would let the simulation rule out paths the kernel follows, and accept a program the kernel
 * refuses there.
 */
final class SignExtension {
    private SignExtension() {}

    /** {@code v} sign-extended from its low {@code bytes} bytes to 64 bits. */
    static ScalarBounds of64(ScalarBounds v, int bytes) {
        int bits = bytes * 8;
        if (v.isConst()) return ScalarBounds.constant(extend(v.constValue(), bits));
        if (bytes == 4) {
            // the low half is the source's, so its 32-bit ranges stay; its known bits do not (a value made 4 modulo 8
            // before the move is only its range after it: the kernel refuses it as a misaligned stack offset)
            long min = v.s32min(), max = v.s32max();
            return new ScalarBounds(Tnum.range(min, max), min, max, min < 0 && max >= 0 ? 0 : min, min < 0 && max >= 0 ? -1L : max,
                    (int) min, (int) max, v.u32min(), v.u32max()).normalize();
        }
        long topMax = (v.smax() >>> bits) << bits, topMin = (v.smin() >>> bits) << bits;
        if (topMax == topMin) {
            long a = extend(v.smax(), bits), b = extend(v.smin(), bits);
            long max = Math.max(a, b), min = Math.min(a, b);
            if ((min >= 0) == (max >= 0))
                return new ScalarBounds(Tnum.range(min, max), min, max, min, max, (int) min, (int) max).normalize();
        }
        long lo = -(1L << (bits - 1)), hi = (1L << (bits - 1)) - 1;
        return new ScalarBounds(Tnum.UNKNOWN, lo, hi, 0, -1L, (int) lo, (int) hi).normalize();
    }

    /** The low half of {@code v} sign-extended from its low {@code bytes} bytes to 32 bits, then zero-extended. */
    static ScalarBounds of32(ScalarBounds v, int bytes) {
        int bits = bytes * 8;
        if ((v.tnum().mask() & 0xffffffffL) == 0) return ScalarBounds.constant(extend(v.tnum().value(), bits) & 0xffffffffL);
        long topMax = ((v.s32max() & 0xffffffffL) >>> bits) << bits, topMin = ((v.s32min() & 0xffffffffL) >>> bits) << bits;
        if (topMax == topMin) {
            long a = extend(v.s32max(), bits), b = extend(v.s32min(), bits);
            long max = Math.max(a, b), min = Math.min(a, b);
            if ((min >= 0) == (max >= 0)) {
                long umin = min & 0xffffffffL, umax = max & 0xffffffffL;
                return new ScalarBounds(Tnum.range(min, max).cast(4), umin, umax, umin, umax, (int) min, (int) max).normalize();
            }
        }
        long lo = -(1L << (bits - 1)), hi = (1L << (bits - 1)) - 1;
        return new ScalarBounds(Tnum.UNKNOWN.cast(4), 0, 0xffffffffL, 0, 0xffffffffL, (int) lo, (int) hi).normalize();
    }

    private static long extend(long v, int bits) { return (v << (64 - bits)) >> (64 - bits); }
}
