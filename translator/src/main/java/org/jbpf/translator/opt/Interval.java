package org.jbpf.translator.opt;

/**
 * The values a register may hold at one point, as a signed 64-bit range {@code lo..hi} (both included). Arithmetic
 * that could wrap gives {@link #TOP}, every value; a 32-bit result that may not fit its zero-extended range gives
 * {@link #U32}. Only what follows from the instructions is claimed: an unknown input stays unknown.
 */
record Interval(long lo, long hi) {
    static final Interval TOP = new Interval(Long.MIN_VALUE, Long.MAX_VALUE);
    static final Interval U32 = new Interval(0, 0xffffffffL);
    static final Interval NONNEGATIVE = new Interval(0, Long.MAX_VALUE);

    static Interval of(long k) { return new Interval(k, k); }

    // spelled out: the record's own are bound through method handles at their first call, milliseconds of a cold start
    @Override public boolean equals(Object o) { return o instanceof Interval i && lo == i.lo && hi == i.hi; }
    @Override public int hashCode() { return Long.hashCode(lo) * 31 + Long.hashCode(hi); }

    /** The range, or null when it is empty (a path no value can take). */
    static Interval ofOrEmpty(long lo, long hi) { return lo <= hi ? new Interval(lo, hi) : null; }

    boolean isConstant() { return lo == hi; }
    boolean nonNegative() { return lo >= 0; }
    boolean within(long min, long max) { return lo >= min && hi <= max; }

    Interval join(Interval o) { return new Interval(Math.min(lo, o.lo), Math.max(hi, o.hi)); }

    Interval meet(Interval o) { return ofOrEmpty(Math.max(lo, o.lo), Math.min(hi, o.hi)); }

    /** After a loop went round a few times: a bound still moving goes to its end, so the analysis stops. */
    Interval widen(Interval next) {
        return new Interval(next.lo < lo ? Long.MIN_VALUE : lo, next.hi > hi ? Long.MAX_VALUE : hi);
    }

    /** The low 32 bits as an unsigned number: this range itself when it fits, else all of them. */
    Interval low32() { return within(0, 0xffffffffL) ? this : U32; }

    /** A 32-bit result, zero-extended into the register: this range when it fits, else all 32-bit values. */
    Interval wrap32() { return within(0, 0xffffffffL) ? this : U32; }

    /** The value sign-extended from its low {@code bits} bits. */
    Interval signExtend(int bits) {
        long min = -(1L << (bits - 1)), max = (1L << (bits - 1)) - 1;
        return within(min, max) ? this : new Interval(min, max);
    }

    // ---- 64-bit arithmetic on ranges; TOP where a result could wrap ----------------------------------------------

    Interval add(Interval o) {
        try {
            return new Interval(Math.addExact(lo, o.lo), Math.addExact(hi, o.hi));
        } catch (ArithmeticException e) {
            return TOP;
        }
    }

    Interval sub(Interval o) {
        try {
            return new Interval(Math.subtractExact(lo, o.hi), Math.subtractExact(hi, o.lo));
        } catch (ArithmeticException e) {
            return TOP;
        }
    }

    Interval mul(Interval o) {
        try {
            long a = Math.multiplyExact(lo, o.lo), b = Math.multiplyExact(lo, o.hi);
            long c = Math.multiplyExact(hi, o.lo), d = Math.multiplyExact(hi, o.hi);
            return new Interval(Math.min(Math.min(a, b), Math.min(c, d)), Math.max(Math.max(a, b), Math.max(c, d)));
        } catch (ArithmeticException e) {
            return TOP;
        }
    }

    Interval neg() { return lo == Long.MIN_VALUE ? TOP : new Interval(-hi, -lo); }

    /** x & y: no more than a non-negative operand, whatever the other holds. */
    Interval and(Interval o) {
        if (nonNegative() && o.nonNegative()) return new Interval(0, Math.min(hi, o.hi));
        if (nonNegative()) return new Interval(0, hi);
        if (o.nonNegative()) return new Interval(0, o.hi);
        return TOP;
    }

    /**
     * x | y and x ^ y of non-negative values stay below the next power of two; an or is at least either operand. Of
     * two zeros it is zero (a shift by numberOfLeadingZeros(0) = 64 would shift by 0 and claim the empty 0..-1).
     */
    Interval orXor(Interval o, boolean or) {
        if (!nonNegative() || !o.nonNegative()) return TOP;
        long max = Math.max(hi, o.hi), ones = max == 0 ? 0 : -1L >>> Long.numberOfLeadingZeros(max);
        return new Interval(or ? Math.max(lo, o.lo) : 0, ones);
    }

    Interval shiftLeft(int s) {
        if (s == 0) return this;
        return nonNegative() && hi <= (Long.MAX_VALUE >> s) ? new Interval(lo << s, hi << s) : TOP;
    }

    /** A logical right shift: of a non-negative range its ends; of anything else every value it can give. */
    Interval shiftRight(int s) {
        if (s == 0) return this;
        return nonNegative() ? new Interval(lo >>> s, hi >>> s) : new Interval(0, -1L >>> s);
    }

    Interval shiftRightArithmetic(int s) { return new Interval(lo >> s, hi >> s); }
}
