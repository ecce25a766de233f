package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

/**
 * What is known about a 64-bit scalar, as the kernel's register state holds it: its known bits, its signed and
 * unsigned 64-bit ranges, and the low half's own signed and unsigned ranges ({@code u32min..u32max} are ints read
 * as unsigned). The low half's ranges are kept apart because a 32-bit operation or compare sets them where no
 * 64-bit range of the value can say as much: a counter {@code w0 += -1} from [0,7] is [-1,6] as an s32. The
 * ranges and bits are kept consistent by the kernel's own deduction ({@link MutableBounds#sync}).
 */
public record ScalarBounds(Tnum tnum, long smin, long smax, long umin, long umax, int s32min, int s32max,
                           int u32min, int u32max) {
    /** Bounds with nothing known of the low half beyond what {@link #normalize()} will derive. */
    public ScalarBounds(Tnum tnum, long smin, long smax, long umin, long umax) {
        this(tnum, smin, smax, umin, umax, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1);
    }

    /** Bounds with the low half's signed range given and its unsigned range left to {@link #normalize()}. */
    public ScalarBounds(Tnum tnum, long smin, long smax, long umin, long umax, int s32min, int s32max) {
        this(tnum, smin, smax, umin, umax, s32min, s32max, 0, -1);
    }

    private static final long LOW = 0xffffffffL;
    public static final ScalarBounds UNKNOWN = new ScalarBounds(Tnum.UNKNOWN, Long.MIN_VALUE, Long.MAX_VALUE, 0, -1L);
    public static final ScalarBounds U32 = unsignedRange(0, 0xffffffffL);
    /** A contradiction: no value satisfies it (the branch that produced it cannot be taken). */
    public static final ScalarBounds EMPTY = new ScalarBounds(Tnum.UNKNOWN, 1, 0, 1, 0, 1, 0, 1, 0);

    public static ScalarBounds constant(long v) {
        return new ScalarBounds(Tnum.constant(v), v, v, v, v, (int) v, (int) v, (int) v, (int) v);
    }

    public static ScalarBounds unsignedRange(long min, long max) {
        return new ScalarBounds(Tnum.range(min, max), Long.MIN_VALUE, Long.MAX_VALUE, min, max).normalize();
    }

    public static ScalarBounds signedRange(long min, long max) {
        return new ScalarBounds(Tnum.UNKNOWN, min, max, 0, -1L).normalize();
    }

    public boolean isConst() { return tnum.isConst(); }
    public long constValue() { return tnum.value(); }
    public boolean isEmpty() {
        return smin > smax || Long.compareUnsigned(umin, umax) > 0 || s32min > s32max || Integer.compareUnsigned(u32min, u32max) > 0;
    }

    /** These bounds with the low half, read as a signed 32-bit number, also known to lie in [lo, hi]. */
    public ScalarBounds withS32(long lo, long hi) {
        if (lo > Integer.MAX_VALUE || hi < Integer.MIN_VALUE || lo > hi) return EMPTY;
        int l = (int) Math.max(lo, Integer.MIN_VALUE), h = (int) Math.min(hi, Integer.MAX_VALUE);
        return new ScalarBounds(tnum, smin, smax, umin, umax, Math.max(s32min, l), Math.min(s32max, h), u32min, u32max).normalize();
    }

    /** These bounds with the low half known to be {@code v}, the upper half's bits and the 64-bit ranges as they are. */
    public ScalarBounds withLowHalf(long v) {
        MutableBounds m = new MutableBounds(this);
        m.markKnown32(v);
        return m.freeze();
    }

    /** Makes the ranges and the known bits agree, as the kernel's bound deduction does. */
    public ScalarBounds normalize() { return normalize(false); }

    /**
     * {@link #normalize()} for what a branch edge learnt: when the deduction finds the ranges and the known bits in
     * conflict, the kernel does not rule the edge out; its sanity check drops the ranges and keeps the known bits
     * (reg_bounds_sanity_check, __mark_reg_unbounded), and it follows the edge with them.
     */
    ScalarBounds normalizeOnEdge() { return normalize(true); }

    private ScalarBounds normalize(boolean resetOnConflict) {
        if (isEmpty()) return resetOnConflict ? bitsOnly(tnum) : EMPTY;
        MutableBounds m = new MutableBounds(this);
        m.sync();
        if (m.inconsistent()) return resetOnConflict ? bitsOnly(m.t) : EMPTY;
        if (m.t.isConst()) return constant(m.t.value());
        return m.freeze();
    }

    private static ScalarBounds bitsOnly(Tnum t) {
        MutableBounds m = new MutableBounds(UNKNOWN);
        m.t = t;
        m.updateBounds();
        return m.freeze();
    }

    /**
     * The result of a 32-bit operation whose low half these bounds describe: zero-extended, the 64-bit ranges
     * taken from the low half's (zext_32_to_64), as a 32-bit move gives.
     */
    public ScalarBounds zext32() {
        if ((tnum.mask() & LOW) == 0) return constant(tnum.value() & LOW);
        MutableBounds m = new MutableBounds(this);
        m.zext32();
        m.sync();
        return m.inconsistent() ? EMPTY : m.freeze();
    }

    /**
     * Truncation to the low {@code bytes} bytes, as a narrow load or spill fill gives (coerce_reg_to_size): a range
     * inside one window of the narrow width keeps its shape, the signed range becomes the unsigned one, and a
     * 4-byte truncation keeps the low half's ranges as they are.
     */
    public ScalarBounds truncate(int bytes) {
        if (bytes >= 8) return this;
        long max = (1L << (bytes * 8)) - 1;
        if (Long.compareUnsigned(umax, max) <= 0) return this;
        if (isConst()) return constant(constValue() & max);
        MutableBounds m = new MutableBounds(this);
        m.t = tnum.cast(bytes);
        if ((umin & ~max) == (umax & ~max)) { m.umin = umin & max; m.umax = umax & max; }
        else { m.umin = 0; m.umax = max; }
        m.smin = m.umin;
        m.smax = m.umax;
        if (bytes < 4) m.mark32Unbounded();
        m.sync();
        return m.inconsistent() ? EMPTY : m.freeze();
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

    /**
     * The result of {@code this op b} in 64 bits ({@code alu32} false) or 32 bits, as {@link ScalarAlu} computes it.
     * Division and remainder, and shifts by anything but a constant below the width, leave nothing known.
     */
    public ScalarBounds alu(int op, ScalarBounds b, boolean alu32) {
        if (op == DIV || op == MOD) return alu32 ? U32 : UNKNOWN;
        if ((op == LSH || op == RSH || op == ARSH) && !(b.isConst() && Long.compareUnsigned(b.constValue(), alu32 ? 32 : 64) < 0))
            return alu32 ? U32 : UNKNOWN;
        return ScalarAlu.apply(op, this, b, alu32);
    }

    /** The 64-bit result of {@code this op b}. */
    public ScalarBounds alu(int op, ScalarBounds b) { return alu(op, b, false); }

    public ScalarBounds add(ScalarBounds b) { return alu(ADD, b, false); }

    public ScalarBounds sub(ScalarBounds b) { return alu(SUB, b, false); }

    /** Intersection of two descriptions of the same value; empty when they contradict each other. */
    public ScalarBounds meet(ScalarBounds b) {
        if (((tnum.value() ^ b.tnum.value()) & ~tnum.mask() & ~b.tnum.mask()) != 0) return EMPTY;
        return new ScalarBounds(tnum.intersect(b.tnum), Math.max(smin, b.smin), Math.min(smax, b.smax),
                MutableBounds.umax64(umin, b.umin), MutableBounds.umin64(umax, b.umax), Math.max(s32min, b.s32min),
                Math.min(s32max, b.s32max), MutableBounds.umax32(u32min, b.u32min), MutableBounds.umin32(u32max, b.u32max)).normalize();
    }

    /** True when every value allowed here is allowed by {@code outer} (used to prune explored states). */
    public boolean within(ScalarBounds outer) {
        return smin >= outer.smin && smax <= outer.smax
                && Long.compareUnsigned(umin, outer.umin) >= 0 && Long.compareUnsigned(umax, outer.umax) <= 0
                && s32min >= outer.s32min && s32max <= outer.s32max
                && Integer.compareUnsigned(u32min, outer.u32min) >= 0 && Integer.compareUnsigned(u32max, outer.u32max) <= 0
                && tnum.within(outer.tnum);
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
        if (u32min != 0) b.append("u32_min=").append(Integer.toUnsignedString(u32min)).append(',');
        if (u32max != -1) b.append("u32_max=").append(Integer.toUnsignedString(u32max)).append(',');
        if (b.length() > 1) b.setLength(b.length() - 1);
        return b.append(')').toString();
    }
}
