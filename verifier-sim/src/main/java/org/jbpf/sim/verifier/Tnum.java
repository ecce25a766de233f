package org.jbpf.sim.verifier;

/**
 * A tristate number: each of the 64 bits is known 0, known 1, or unknown (a bit set in {@code mask}).
 * {@code value} holds the known bits; bits set in {@code mask} are zero in {@code value}.
 */
public record Tnum(long value, long mask) {
    public static final Tnum UNKNOWN = new Tnum(0, -1L);

    public Tnum {
        value &= ~mask;
    }

    public static Tnum constant(long v) { return new Tnum(v, 0); }

    /** The smallest tnum holding every value in the unsigned range [min, max]. */
    public static Tnum range(long min, long max) {
        long chi = min ^ max;
        int bits = 64 - Long.numberOfLeadingZeros(chi);
        if (bits > 63) return UNKNOWN;
        long delta = (1L << bits) - 1;
        return new Tnum(min & ~delta, delta);
    }

    public boolean isConst() { return mask == 0; }
    public boolean isUnknown() { return mask == -1L; }
    public long umin() { return value; }
    public long umax() { return value | mask; }

    public Tnum add(Tnum b) {
        long sm = mask + b.mask, sv = value + b.value, sigma = sm + sv, chi = sigma ^ sv;
        long mu = chi | mask | b.mask;
        return new Tnum(sv & ~mu, mu);
    }

    public Tnum sub(Tnum b) {
        long dv = value - b.value, alpha = dv + mask, beta = dv - b.mask, chi = alpha ^ beta;
        long mu = chi | mask | b.mask;
        return new Tnum(dv & ~mu, mu);
    }

    public Tnum and(Tnum b) {
        long alpha = value | mask, beta = b.value | b.mask, v = value & b.value;
        return new Tnum(v, alpha & beta & ~v);
    }

    public Tnum or(Tnum b) {
        long v = value | b.value, mu = mask | b.mask;
        return new Tnum(v, mu & ~v);
    }

    public Tnum xor(Tnum b) {
        long v = value ^ b.value, mu = mask | b.mask;
        return new Tnum(v & ~mu, mu);
    }

    public Tnum mul(Tnum b) {
        // known part multiplied exactly; each uncertain bit of one factor adds an uncertain partial product
        long knownProduct = value * b.value;
        Tnum a = this, bb = b, uncertain = constant(0);
        while ((a.value | a.mask) != 0) {
            if ((a.value & 1) != 0) uncertain = uncertain.add(new Tnum(0, bb.mask));
            else if ((a.mask & 1) != 0) uncertain = uncertain.add(new Tnum(0, bb.value | bb.mask));
            a = a.ursh(1);
            bb = bb.lsh(1);
        }
        return constant(knownProduct).add(uncertain);
    }

    public Tnum lsh(int s) { return new Tnum(value << s, mask << s); }
    public Tnum ursh(int s) { return new Tnum(value >>> s, mask >>> s); }
    public Tnum arsh(int s, int width) {
        if (width == 32) return new Tnum(((int) value) >> s & 0xffffffffL, ((int) mask) >> s & 0xffffffffL);
        return new Tnum(value >> s, mask >> s);
    }

    /** The smallest value this tnum allows above {@code z} (unsigned); its largest when there is none. */
    public long step(long z) {
        long max = value | mask;
        if (Long.compareUnsigned(z, max) >= 0) return max;
        if (Long.compareUnsigned(z, value) < 0) return value;
        // count up within the unknown bits: every other bit set so that the carry runs through them
        long d = z - value, high = d & ~mask;
        long below = high == 0 ? 0 : (1L << (64 - Long.numberOfLeadingZeros(high))) - 1;
        return value | ((d | below | ~mask) + 1) & mask;
    }

    public Tnum intersect(Tnum b) {
        long v = value | b.value, mu = mask & b.mask;
        return new Tnum(v & ~mu, mu);
    }

    /** Keeps the low {@code bytes} bytes, the rest known zero. */
    public Tnum cast(int bytes) {
        if (bytes >= 8) return this;
        long m = (1L << (bytes * 8)) - 1;
        return new Tnum(value & m, mask & m);
    }

    /** True when every value this tnum allows is allowed by {@code outer}. */
    public boolean within(Tnum outer) {
        if ((mask & ~outer.mask) != 0) return false;
        return (value & ~outer.mask) == outer.value;
    }

    public boolean contains(long v) { return (v & ~mask) == value; }

    @Override public String toString() {
        return isConst() ? Long.toString(value) : String.format("(0x%x; 0x%x)", value, mask);
    }
}
