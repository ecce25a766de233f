package org.jbpf.sim.verifier;

/**
 * A scalar's bounds while one step edits them in place, as the kernel edits a register: the known bits, the 64-bit
 * signed and unsigned ranges, and the low half's own signed and unsigned ranges ({@code u32min..u32max} held in ints
 * read as unsigned). {@link #sync} is the kernel's bound deduction (reg_bounds_sync): each range and the known bits
 * narrow one another, the 64-bit ranges and the low half's in both directions, three rounds as in 6.18. Doing the
 * same steps in the same order is what keeps the simulation from knowing more or less than the kernel.
 */
final class MutableBounds {
    static final long LOW = 0xffffffffL;

    Tnum t;
    long smin, smax, umin, umax;
    int s32min, s32max, u32min, u32max;

    MutableBounds(ScalarBounds b) {
        t = b.tnum();
        smin = b.smin(); smax = b.smax(); umin = b.umin(); umax = b.umax();
        s32min = b.s32min(); s32max = b.s32max(); u32min = b.u32min(); u32max = b.u32max();
    }

    ScalarBounds freeze() { return new ScalarBounds(t, smin, smax, umin, umax, s32min, s32max, u32min, u32max); }

    void mark64Unbounded() { smin = Long.MIN_VALUE; smax = Long.MAX_VALUE; umin = 0; umax = -1L; }
    void mark32Unbounded() { s32min = Integer.MIN_VALUE; s32max = Integer.MAX_VALUE; u32min = 0; u32max = -1; }

    void markKnown(long v) {
        t = Tnum.constant(v);
        smin = smax = umin = umax = v;
        s32min = s32max = u32min = u32max = (int) v;
    }

    /** Only the low half becomes the constant {@code v}; the upper half's bits stay. */
    void markKnown32(long v) {
        t = withSubreg(t, Tnum.constant(v & LOW));
        s32min = s32max = u32min = u32max = (int) v;
    }

    /** A range whose ends are out of order in some domain: no value has these bounds. */
    boolean inconsistent() {
        return smin > smax || Long.compareUnsigned(umin, umax) > 0 || s32min > s32max
                || Integer.compareUnsigned(u32min, u32max) > 0;
    }

    // ---- reg_bounds_sync ---------------------------------------------------------------------------

    void sync() {
        updateBounds();
        deduce();
        deduce();
        deduce();
        boundOffset();
        updateBounds();
    }

    /** The ranges narrowed to what the known bits allow. */
    void updateBounds() {
        Tnum s = subreg(t);
        s32min = Math.max(s32min, (int) (s.value() | (s.mask() & 0x80000000L)));
        s32max = Math.min(s32max, (int) (s.value() | (s.mask() & 0x7fffffffL)));
        u32min = umax32(u32min, (int) s.value());
        u32max = umin32(u32max, (int) (s.value() | s.mask()));
        smin = Math.max(smin, t.value() | (t.mask() & Long.MIN_VALUE));
        smax = Math.min(smax, t.value() | (t.mask() & Long.MAX_VALUE));
        umin = umax64(umin, t.value());
        umax = umin64(umax, t.value() | t.mask());
        // the unsigned range and the known bits may share a single value: then it is that value
        long next = t.step(umin), tmax = t.value() | t.mask();
        boolean uminAllowed = t.contains(umin);
        if (uminAllowed && Long.compareUnsigned(next, umax) > 0) markKnown(umin);
        else if (!uminAllowed && next == tmax) markKnown(tmax);
        else if (!uminAllowed && Long.compareUnsigned(next, umax) <= 0 && Long.compareUnsigned(t.step(next), umax) > 0) markKnown(next);
    }

    private void deduce() {
        deduce32();
        deduce64();
        deduceMixed();
    }

    /** The low half's ranges from the 64-bit ones, and its signed and unsigned ranges from each other. */
    private void deduce32() {
        if (umin >>> 32 == umax >>> 32) {
            u32min = umax32(u32min, (int) umin);
            u32max = umin32(u32max, (int) umax);
            if ((int) umin <= (int) umax) {
                s32min = Math.max(s32min, (int) umin);
                s32max = Math.min(s32max, (int) umax);
            }
        }
        if (smin >> 32 == smax >> 32) {
            if (Integer.compareUnsigned((int) smin, (int) smax) <= 0) {
                u32min = umax32(u32min, (int) smin);
                u32max = umin32(u32max, (int) smax);
            }
            if ((int) smin <= (int) smax) {
                s32min = Math.max(s32min, (int) smin);
                s32max = Math.min(s32max, (int) smax);
            }
        }
        // upper halves two consecutive numbers, low halves a signed range across zero
        if ((int) (umin >>> 32) + 1 == (int) (umax >>> 32) && (int) umin < 0 && (int) umax >= 0) {
            s32min = Math.max(s32min, (int) umin);
            s32max = Math.min(s32max, (int) umax);
        }
        if ((int) (smin >> 32) + 1 == (int) (smax >> 32) && (int) smin < 0 && (int) smax >= 0) {
            s32min = Math.max(s32min, (int) smin);
            s32max = Math.min(s32max, (int) smax);
        }
        if (u32min <= u32max) { // the unsigned range keeps one sign
            s32min = Math.max(s32min, u32min);
            s32max = Math.min(s32max, u32max);
        }
        if (Integer.compareUnsigned(s32min, s32max) <= 0) {
            u32min = umax32(s32min, u32min);
            u32max = umin32(s32max, u32max);
        } else if (Integer.compareUnsigned(u32max, s32min) < 0) {
            // a signed range across zero that the unsigned range meets on its non-negative side only
            s32min = u32min;
            u32max = umin32(u32max, s32max);
        } else if (Integer.compareUnsigned(s32max, u32min) < 0) {
            // ... or on its negative side only
            s32max = u32max;
            u32min = umax32(u32min, s32min);
        }
    }

    private void deduce64() {
        if (umin <= umax) { // the unsigned range keeps one sign
            smin = Math.max(smin, umin);
            smax = Math.min(smax, umax);
        }
        if (Long.compareUnsigned(smin, smax) <= 0) {
            umin = umax64(smin, umin);
            umax = umin64(smax, umax);
        } else if (Long.compareUnsigned(umax, smin) < 0) {
            smin = umin;
            umax = umin64(umax, smax);
        } else if (Long.compareUnsigned(smax, umin) < 0) {
            smax = umax;
            umin = umax64(umin, smin);
        }
    }

    /** The 64-bit ranges from the low half's unsigned range, and a non-negative low half after a sign extension. */
    private void deduceMixed() {
        long upper = ~LOW;
        umin = umax64(umin, (umin & upper) | (u32min & LOW));
        umax = umin64(umax, (umax & upper) | (u32max & LOW));
        smin = Math.max(smin, (smin & upper) | (u32min & LOW));
        smax = Math.min(smax, (smax & upper) | (u32max & LOW));
        if (s32min >= 0 && smin >= Integer.MIN_VALUE && smax <= Integer.MAX_VALUE) {
            smin = s32min;
            smax = s32max;
            umin = s32min;
            umax = s32max;
            t = t.intersect(Tnum.range(smin, smax));
        }
    }

    /** Known bits from the unsigned ranges, the low half's from its own. */
    private void boundOffset() {
        Tnum t64 = t.intersect(Tnum.range(umin, umax));
        Tnum t32 = subreg(t64).intersect(Tnum.range(u32min & LOW, u32max & LOW));
        t = clearSubreg(t64).or(t32);
    }

    /** zext_32_to_64: the low half zero-extended, its ranges becoming the 64-bit ones. */
    void zext32() {
        t = subreg(t);
        umin = u32min & LOW;
        umax = u32max & LOW;
        if (s32min >= 0 && s32max >= 0) { smin = s32min; smax = s32max; }
        else { smin = 0; smax = LOW; }
    }

    // ---- tnum pieces -------------------------------------------------------------------------------

    static Tnum subreg(Tnum a) { return a.cast(4); }
    static Tnum clearSubreg(Tnum a) { return new Tnum(a.value() & ~LOW, a.mask() & ~LOW); }
    static Tnum withSubreg(Tnum a, Tnum low) { return clearSubreg(a).or(subreg(low)); }

    static int umax32(int a, int b) { return Integer.compareUnsigned(a, b) >= 0 ? a : b; }
    static int umin32(int a, int b) { return Integer.compareUnsigned(a, b) <= 0 ? a : b; }
    static long umax64(long a, long b) { return Long.compareUnsigned(a, b) >= 0 ? a : b; }
    static long umin64(long a, long b) { return Long.compareUnsigned(a, b) <= 0 ? a : b; }
}
