package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

/**
 * What is known about a 64-bit scalar: its known bits and its signed and unsigned ranges, kept consistent with
 * each other. Results of 32-bit operations are zero-extended 64-bit values, as in the machine.
 * Besides what the 64-bit facts imply, the low half's range as a signed 32-bit number ({@code s32min..s32max}) is
 * kept on its own where a 32-bit add, subtract, multiply or arithmetic shift or a signed 32-bit compare sets it, as
 * the kernel's s32 bounds, and every branch keeps it: a counter {@code w0 += -1} from [0,7] is [-1,6] there, which
 * no 64-bit range of the zero-extended value can say.
 * Every other 32-bit range is derived from the 64-bit facts, which is at most less precise, never more.
 */
public record ScalarBounds(Tnum tnum, long smin, long smax, long umin, long umax, int s32min, int s32max) {
    /** Bounds with nothing known of the low half beyond what the 64-bit facts say. */
    public ScalarBounds(Tnum tnum, long smin, long smax, long umin, long umax) {
        this(tnum, smin, smax, umin, umax, lowSigned(tnum, smin, smax, umin, umax));
    }

    private ScalarBounds(Tnum tnum, long smin, long smax, long umin, long umax, long[] low) {
        this(tnum, smin, smax, umin, umax, (int) low[0], (int) low[1]);
    }

    private static final long LOW = 0xffffffffL;
    public static final ScalarBounds UNKNOWN = new ScalarBounds(Tnum.UNKNOWN, Long.MIN_VALUE, Long.MAX_VALUE, 0, -1L);
    public static final ScalarBounds U32 = unsignedRange(0, 0xffffffffL);
    /** A contradiction: no value satisfies it (the branch that produced it cannot be taken). */
    public static final ScalarBounds EMPTY = new ScalarBounds(Tnum.UNKNOWN, 1, 0, 1, 0);

    public static ScalarBounds constant(long v) { return new ScalarBounds(Tnum.constant(v), v, v, v, v); }

    public static ScalarBounds unsignedRange(long min, long max) {
        return new ScalarBounds(Tnum.range(min, max), Long.MIN_VALUE, Long.MAX_VALUE, min, max).normalize();
    }

    public static ScalarBounds signedRange(long min, long max) {
        return new ScalarBounds(Tnum.UNKNOWN, min, max, 0, -1L).normalize();
    }

    public boolean isConst() { return tnum.isConst(); }
    public long constValue() { return tnum.value(); }
    public boolean isEmpty() {
        return smin > smax || Long.compareUnsigned(umin, umax) > 0 || s32min > s32max;
    }

    /** These bounds with the low half, read as a signed 32-bit number, also known to lie in [lo, hi]. */
    public ScalarBounds withS32(long lo, long hi) {
        if (lo > Integer.MAX_VALUE || hi < Integer.MIN_VALUE || lo > hi) return EMPTY;
        int l = (int) Math.max(lo, Integer.MIN_VALUE), h = (int) Math.min(hi, Integer.MAX_VALUE);
        return new ScalarBounds(tnum, smin, smax, umin, umax, (int) Math.max(s32min, l), (int) Math.min(s32max, h)).normalize();
    }

    /** Makes the four bounds and the known bits agree, as the kernel's bound deduction does. */
    public ScalarBounds normalize() { return normalize(false); }

    /**
     * {@link #normalize()} for what a branch edge learnt: when the deduction finds the ranges and the known bits in
     * conflict, the kernel does not rule the edge out; its sanity check drops the ranges and keeps the known bits
     * (reg_bounds_sanity_check, __mark_reg_unbounded), and it follows the edge with them.
     */
    ScalarBounds normalizeOnEdge() { return normalize(true); }

    private ScalarBounds normalize(boolean resetOnConflict) {
        if (isEmpty()) return resetOnConflict ? bitsOnly(tnum) : EMPTY;
        Tnum t = tnum;
        long sMin = smin, sMax = smax, uMin = umin, uMax = umax, s32Min = s32min, s32Max = s32max;
        for (int round = 0; round < 2; round++) {
            // the low half's signed range from the 64-bit facts, and back into them when the upper half is known
            long[] low = lowSigned(t, sMin, sMax, uMin, uMax);
            s32Min = Math.max(s32Min, low[0]);
            s32Max = Math.min(s32Max, low[1]);
            if (s32Min > s32Max) return resetOnConflict ? bitsOnly(t) : EMPTY;
            // a signed range of the low half across zero that its unsigned range meets on one side only
            if (s32Min < 0 && s32Max >= 0) {
                long u32Min = t.value() & LOW, u32Max = (t.value() | t.mask()) & LOW;
                if (uMin >>> 32 == uMax >>> 32) { u32Min = Math.max(u32Min, uMin & LOW); u32Max = Math.min(u32Max, uMax & LOW); }
                if (u32Max < (s32Min & LOW)) s32Min = Math.max(s32Min, (int) u32Min);
                else if ((s32Max & LOW) < u32Min) s32Max = Math.min(s32Max, (int) u32Max);
            }
            // a value in the signed 32-bit range is its low half sign-extended: a low half known not negative bounds
            // all 64 bits (the kernel's __reg_deduce_mixed_bounds, after a sign-extending load)
            if (s32Min >= 0 && sMin >= Integer.MIN_VALUE && sMax <= Integer.MAX_VALUE) {
                sMin = Math.max(sMin, s32Min);
                sMax = Math.min(sMax, s32Max);
            }
            if ((t.mask() >>> 32) == 0 && (s32Min >= 0 || s32Max < 0)) {
                long upper = t.value() & 0xffffffff00000000L;
                uMin = umaxOf(uMin, upper | (s32Min & 0xffffffffL));
                uMax = uminOf(uMax, upper | (s32Max & 0xffffffffL));
            }
            // from bits
            uMin = umaxOf(uMin, t.value());
            uMax = uminOf(uMax, t.value() | t.mask());
            sMin = Math.max(sMin, t.value() | (t.mask() & Long.MIN_VALUE));
            sMax = Math.min(sMax, t.value() | (t.mask() & Long.MAX_VALUE));
            // signed range on one side of zero -> it is also an unsigned range
            if (sMin >= 0 || sMax < 0) {
                uMin = umaxOf(uMin, sMin);
                uMax = uminOf(uMax, sMax);
            } else if (Long.compareUnsigned(uMax, sMin) < 0) {
                // a signed range across zero that the unsigned range meets on its non-negative side only (6.18)
                sMin = Math.max(sMin, uMin);
                uMax = uminOf(uMax, sMax);
            } else if (Long.compareUnsigned(sMax, uMin) < 0) {
                // ... or on its negative side only
                sMax = Math.min(sMax, uMax);
                uMin = umaxOf(uMin, sMin);
            }
            // unsigned range that does not cross the sign bit -> it is also a signed range
            if (uMin <= uMax) { // same sign as signed longs
                sMin = Math.max(sMin, uMin);
                sMax = Math.min(sMax, uMax);
            }
            if (Long.compareUnsigned(uMin, uMax) > 0 || sMin > sMax) return resetOnConflict ? bitsOnly(t) : EMPTY;
            // known bits that contradict the range do not make the value impossible: the kernel merges them as they
            // are (tnum_intersect) and goes on down a path it cannot rule out, where it may then refuse an access
            t = t.intersect(Tnum.range(uMin, uMax));
        }
        if (t.isConst()) { long v = t.value(); return new ScalarBounds(t, v, v, v, v, (int) v, (int) v); }
        return new ScalarBounds(t, sMin, sMax, uMin, uMax, (int) s32Min, (int) s32Max);
    }

    private static ScalarBounds bitsOnly(Tnum t) {
        return new ScalarBounds(t, Long.MIN_VALUE, Long.MAX_VALUE, 0, -1L).normalize();
    }

    /** The range of the low half as a signed 32-bit number that the known bits and 64-bit ranges imply. */
    private static long[] lowSigned(Tnum t, long sMin, long sMax, long uMin, long uMax) {
        long lo = Integer.MIN_VALUE, hi = Integer.MAX_VALUE;
        if (sMin >= Integer.MIN_VALUE && sMax <= Integer.MAX_VALUE) { lo = sMin; hi = sMax; }
        // an unsigned range inside one window of 2^32 whose low halves keep one sign
        if (uMin >>> 32 == uMax >>> 32) {
            long l = uMin & 0xffffffffL, h = uMax & 0xffffffffL;
            if (h <= Integer.MAX_VALUE || l > Integer.MAX_VALUE) {
                lo = Math.max(lo, (int) l);
                hi = Math.min(hi, (int) h);
            }
        }
        // from the low half's known bits: bit 31 is the sign
        int v = (int) t.value(), m = (int) t.mask();
        lo = Math.max(lo, v | (m & Integer.MIN_VALUE));
        hi = Math.min(hi, v | (m & Integer.MAX_VALUE));
        return new long[] { lo, hi };
    }

    private static long umaxOf(long a, long b) { return Long.compareUnsigned(a, b) >= 0 ? a : b; }
    private static long uminOf(long a, long b) { return Long.compareUnsigned(a, b) <= 0 ? a : b; }

    /** Zero-extends the low 32 bits (the result of any 32-bit operation). */
    public ScalarBounds zext32() { return truncate(4); }

    /** Truncation to the low {@code bytes} bytes. */
    public ScalarBounds truncate(int bytes) {
        if (bytes >= 8) return this;
        long max = (1L << (bytes * 8)) - 1;
        if (Long.compareUnsigned(umax, max) <= 0) return this;
        if (isConst()) return constant(constValue() & max);
        // the low half is unchanged by zero-extension: its signed range stays
        if (bytes == 4) return truncateBits(bytes).withS32(s32min, s32max);
        return truncateBits(bytes);
    }

    private ScalarBounds truncateBits(int bytes) {
        long max = (1L << (bytes * 8)) - 1;
        // a range inside one window of 2^(8*bytes) keeps its shape in the low bytes (e.g. w0 in [1,15] plus -1)
        int bits = bytes * 8;
        if (umin >>> bits == umax >>> bits)
            return new ScalarBounds(tnum.cast(bytes), Long.MIN_VALUE, Long.MAX_VALUE, umin & max, umax & max).normalize();
        return new ScalarBounds(tnum.cast(bytes), Long.MIN_VALUE, Long.MAX_VALUE, 0, max).normalize();
    }

    /** Sign extension from the low {@code bits} bits. */
    public ScalarBounds signExtend(int bits) {
        if (bits >= 64) return this;
        if (isConst()) return constant((constValue() << (64 - bits)) >> (64 - bits));
        long lo = -(1L << (bits - 1)), hi = (1L << (bits - 1)) - 1;
        if (smin >= 0 && smax <= hi) return this;
        return signedRange(lo, hi);
    }

    // ---- arithmetic -----------------------------------------------------------------------------------

    /** The 64-bit result of {@code this op b}; null when the operation is not one of the ALU operations. */
    public ScalarBounds alu(int op, ScalarBounds b) {
        switch (op) {
            case ADD: return add(b);
            case SUB: return sub(b);
            case MUL: return mul(b);
            case AND: return new ScalarBounds(tnum.and(b.tnum), Long.MIN_VALUE, Long.MAX_VALUE, 0,
                    uminOf(umax, b.umax)).normalize();
            case OR: return new ScalarBounds(tnum.or(b.tnum), Long.MIN_VALUE, Long.MAX_VALUE,
                    umaxOf(umin, b.umin), -1L).normalize();
            case XOR: return new ScalarBounds(tnum.xor(b.tnum), Long.MIN_VALUE, Long.MAX_VALUE, 0, -1L).normalize();
            case LSH: return b.isConst() && Long.compareUnsigned(b.constValue(), 63) <= 0 ? lsh((int) b.constValue()) : UNKNOWN;
            case RSH: return b.isConst() && Long.compareUnsigned(b.constValue(), 63) <= 0 ? rsh((int) b.constValue()) : UNKNOWN;
            case ARSH: return b.isConst() && Long.compareUnsigned(b.constValue(), 63) <= 0 ? arsh((int) b.constValue()) : UNKNOWN;
            case DIV: case MOD:
                if (isConst() && b.isConst() && b.constValue() != 0)
                    return constant(op == DIV ? Long.divideUnsigned(constValue(), b.constValue())
                            : Long.remainderUnsigned(constValue(), b.constValue()));
                if (op == MOD && b.umin > 0 && b.umax != -1L) return unsignedRange(0, umaxOf(0, uminOf(umax, b.umax - 1)));
                if (op == DIV) return unsignedRange(0, umax);
                return unsignedRange(0, umax);
            default: return UNKNOWN;
        }
    }

    public ScalarBounds add(ScalarBounds b) {
        long sMin = smin + b.smin, sMax = smax + b.smax;
        boolean sOverflow = Math.addExact0(smin, b.smin) || Math.addExact0(smax, b.smax);
        long uMin = umin + b.umin, uMax = umax + b.umax;
        // every sum wraps or none does: the bounds keep their order either way (6.17's rule); only some wrapping is unknown
        boolean uOverflow = Long.compareUnsigned(uMin, umin) >= 0 && Long.compareUnsigned(uMax, umax) < 0;
        return new ScalarBounds(tnum.add(b.tnum),
                sOverflow ? Long.MIN_VALUE : sMin, sOverflow ? Long.MAX_VALUE : sMax,
                uOverflow ? 0 : uMin, uOverflow ? -1L : uMax).normalize();
    }

    public ScalarBounds sub(ScalarBounds b) {
        long sMin = smin - b.smax, sMax = smax - b.smin;
        boolean sOverflow = Math.subExact0(smin, b.smax) || Math.subExact0(smax, b.smin);
        // every difference wraps or none does: the bounds keep their order either way; only some wrapping is unknown
        boolean uOverflow = Long.compareUnsigned(umin, b.umax) < 0 && Long.compareUnsigned(umax, b.umin) >= 0;
        return new ScalarBounds(tnum.sub(b.tnum),
                sOverflow ? Long.MIN_VALUE : sMin, sOverflow ? Long.MAX_VALUE : sMax,
                uOverflow ? 0 : umin - b.umax, uOverflow ? -1L : umax - b.umin).normalize();
    }

    /**
     * As the kernel multiplies ranges: the unsigned bounds when the largest product does not wrap, the signed bounds
     * as the least and greatest of the four corner products when none of them overflows.
     */
    public ScalarBounds mul(ScalarBounds b) {
        Tnum t = tnum.mul(b.tnum);
        long uMin = 0, uMax = -1L, sMin = Long.MIN_VALUE, sMax = Long.MAX_VALUE;
        if (umax == 0 || Long.compareUnsigned(b.umax, Long.divideUnsigned(-1L, umax)) <= 0) {
            uMin = umin * b.umin;
            uMax = umax * b.umax;
        }
        long[] corners = { smin, smin, smax, smax }, by = { b.smin, b.smax, b.smin, b.smax };
        boolean overflows = false;
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (int i = 0; i < 4; i++) {
            long p = corners[i] * by[i];
            overflows |= java.lang.Math.multiplyHigh(corners[i], by[i]) != (p >> 63);
            lo = java.lang.Math.min(lo, p);
            hi = java.lang.Math.max(hi, p);
        }
        if (!overflows) { sMin = lo; sMax = hi; }
        return new ScalarBounds(t, sMin, sMax, uMin, uMax).normalize();
    }

    public ScalarBounds lsh(int s) {
        Tnum t = tnum.lsh(s);
        if (s == 0) return this;
        if (Long.numberOfLeadingZeros(umax) > s)
            return new ScalarBounds(t, Long.MIN_VALUE, Long.MAX_VALUE, umin << s, umax << s).normalize();
        return new ScalarBounds(t, Long.MIN_VALUE, Long.MAX_VALUE, 0, -1L).normalize();
    }

    public ScalarBounds rsh(int s) {
        return new ScalarBounds(tnum.ursh(s), Long.MIN_VALUE, Long.MAX_VALUE, umin >>> s, umax >>> s).normalize();
    }

    public ScalarBounds arsh(int s) {
        return new ScalarBounds(tnum.arsh(s, 64), smin >> s, smax >> s, 0, -1L).normalize();
    }

    /** Intersection of two descriptions of the same value; empty when they contradict each other. */
    public ScalarBounds meet(ScalarBounds b) {
        if (((tnum.value() ^ b.tnum.value()) & ~tnum.mask() & ~b.tnum.mask()) != 0) return EMPTY;
        return new ScalarBounds(tnum.intersect(b.tnum), Math.max(smin, b.smin), Math.min(smax, b.smax),
                umaxOf(umin, b.umin), uminOf(umax, b.umax), (int) Math.max(s32min, b.s32min), (int) Math.min(s32max, b.s32max)).normalize();
    }

    /** True when every value allowed here is allowed by {@code outer} (used to prune explored states). */
    public boolean within(ScalarBounds outer) {
        return smin >= outer.smin && smax <= outer.smax
                && Long.compareUnsigned(umin, outer.umin) >= 0 && Long.compareUnsigned(umax, outer.umax) <= 0
                && s32min >= outer.s32min && s32max <= outer.s32max && tnum.within(outer.tnum);
    }

    @Override public String toString() {
        if (isConst()) return Long.toString(constValue());
        StringBuilder b = new StringBuilder("(");
        if (smin != Long.MIN_VALUE) b.append("smin=").append(smin).append(',');
        if (smax != Long.MAX_VALUE) b.append("smax=").append(smax).append(',');
        if (umin != 0) b.append("umin=").append(Long.toUnsignedString(umin)).append(',');
        if (umax != -1L) b.append("umax=").append(Long.toUnsignedString(umax)).append(',');
        if (!tnum.isUnknown()) b.append("var_off=").append(tnum).append(',');
        if (s32min != Integer.MIN_VALUE) b.append("s32_min=").append(s32min).append(',');
        if (s32max != Integer.MAX_VALUE) b.append("s32_max=").append(s32max).append(',');
        if (b.length() > 1) b.setLength(b.length() - 1);
        return b.append(')').toString();
    }

    /** Overflow tests that do not throw. */
    private static final class Math {
        static long max(long a, long b) { return java.lang.Math.max(a, b); }
        static long min(long a, long b) { return java.lang.Math.min(a, b); }
        static boolean addExact0(long a, long b) { long r = a + b; return ((a ^ r) & (b ^ r)) < 0; }
        static boolean subExact0(long a, long b) { long r = a - b; return ((a ^ b) & (a ^ r)) < 0; }
    }
}
