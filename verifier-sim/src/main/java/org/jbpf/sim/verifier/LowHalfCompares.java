package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;
import static org.jbpf.sim.verifier.MutableBounds.LOW;
import static org.jbpf.sim.verifier.MutableBounds.subreg;
import static org.jbpf.sim.verifier.MutableBounds.umax32;
import static org.jbpf.sim.verifier.MutableBounds.umin32;
import static org.jbpf.sim.verifier.MutableBounds.withSubreg;

/**
 * A 32-bit conditional jump between two scalars, as the kernel decides and narrows it: the edge is decided on the
 * low halves' known bits and their own signed and unsigned ranges (is_scalar_branch_taken), and an open edge
 * narrows only those (regs_refine_cond_op); what that says of the whole 64-bit values follows from the kernel's
 * bound deduction. Where the narrowed bounds contradict each other the kernel keeps only the known bits and goes
 * on, and so does this.
 */
final class LowHalfCompares {
    private LowHalfCompares() {}

    /** Pseudo operation for "bits in common are zero", the fall-through edge of JSET. */
    private static final int NSET = 0x100;

    /** 1 when the compare {@code op} of the low halves is always true, 0 when never, -1 when it depends. */
    static int decide(int op, ScalarBounds a, ScalarBounds b) {
        Tnum t1 = subreg(a.tnum()), t2 = subreg(b.tnum());
        long umin1 = a.u32min() & LOW, umax1 = a.u32max() & LOW, umin2 = b.u32min() & LOW, umax2 = b.u32max() & LOW;
        long smin1 = a.s32min(), smax1 = a.s32max(), smin2 = b.s32min(), smax2 = b.s32max();
        switch (op) {
            case JEQ: case JNE: {
                boolean differ;
                if (t1.isConst() && t2.isConst()) differ = t1.value() != t2.value();
                else differ = ((t1.value() ^ t2.value()) & ~t1.mask() & ~t2.mask()) != 0
                        || umin1 > umax2 || umax1 < umin2 || smin1 > smax2 || smax1 < smin2;
                boolean same = t1.isConst() && t2.isConst() && !differ;
                if (differ) return op == JEQ ? 0 : 1;
                if (same) return op == JEQ ? 1 : 0;
                return -1;
            }
            case JSET: {
                if (!t2.isConst()) { Tnum x = t1; t1 = t2; t2 = x; }
                if (!t2.isConst()) return -1;
                if ((~t1.mask() & t1.value() & t2.value()) != 0) return 1;
                if (((t1.mask() | t1.value()) & t2.value()) == 0) return 0;
                return -1;
            }
            case JGT: return umin1 > umax2 ? 1 : umax1 <= umin2 ? 0 : -1;
            case JSGT: return smin1 > smax2 ? 1 : smax1 <= smin2 ? 0 : -1;
            case JLT: return umax1 < umin2 ? 1 : umin1 >= umax2 ? 0 : -1;
            case JSLT: return smax1 < smin2 ? 1 : smin1 >= smax2 ? 0 : -1;
            case JGE: return umin1 >= umax2 ? 1 : umax1 < umin2 ? 0 : -1;
            case JSGE: return smin1 >= smax2 ? 1 : smax1 < smin2 ? 0 : -1;
            case JLE: return umax1 <= umin2 ? 1 : umin1 > umax2 ? 0 : -1;
            case JSLE: return smax1 <= smin2 ? 1 : smin1 > smax2 ? 0 : -1;
            default: throw new IllegalArgumentException("not a conditional jump: " + op);
        }
    }

    /** The two compared values on the taken ({@code taken}) or fall-through edge of an undecided compare. */
    static ScalarBounds[] refine(int op, boolean taken, ScalarBounds a, ScalarBounds b) {
        int rel = taken ? op : op == JSET ? NSET : inverseJump(op);
        MutableBounds r1 = new MutableBounds(a), r2 = new MutableBounds(b);
        if (rel == JGE || rel == JGT || rel == JSGE || rel == JSGT) {
            rel = rel == JGE ? JLE : rel == JGT ? JLT : rel == JSGE ? JSLE : JSLT;
            MutableBounds x = r1; r1 = r2; r2 = x;
            narrow(rel, r1, r2);
            x = r1; r1 = r2; r2 = x;
        } else narrow(rel, r1, r2);
        return new ScalarBounds[] { settle(r1), settle(r2) };
    }

    private static ScalarBounds settle(MutableBounds m) {
        m.sync();
        if (m.inconsistent()) {
            Tnum bits = m.t;
            m.mark64Unbounded();
            m.mark32Unbounded();
            m.t = bits;
            m.updateBounds();
        }
        return m.t.isConst() ? ScalarBounds.constant(m.t.value()) : m.freeze();
    }

    private static boolean lowConst(MutableBounds m) { return (m.t.mask() & LOW) == 0; }

    private static void narrow(int rel, MutableBounds r1, MutableBounds r2) {
        switch (rel) {
            case JEQ: {
                r1.u32min = umax32(r1.u32min, r2.u32min);
                r1.u32max = umin32(r1.u32max, r2.u32max);
                r1.s32min = Math.max(r1.s32min, r2.s32min);
                r1.s32max = Math.min(r1.s32max, r2.s32max);
                r2.u32min = r1.u32min; r2.u32max = r1.u32max; r2.s32min = r1.s32min; r2.s32max = r1.s32max;
                Tnum t = subreg(r1.t).intersect(subreg(r2.t));
                r1.t = withSubreg(r1.t, t);
                r2.t = withSubreg(r2.t, t);
                return;
            }
            case JNE: case JSET: case NSET: {
                // only a constant on one side teaches the other anything
                if (!lowConst(r2)) { MutableBounds x = r1; r1 = r2; r2 = x; }
                if (!lowConst(r2)) return;
                int v = (int) r2.t.value();
                if (rel == JNE) {
                    if (r1.u32min == v) r1.u32min++;
                    if (r1.u32max == v) r1.u32max--;
                    if (r1.s32min == v) r1.s32min++;
                    if (r1.s32max == v) r1.s32max--;
                } else if (rel == JSET) {
                    // a set bit is learnt only when a single bit is tested
                    if (v != 0 && (v & (v - 1)) == 0) r1.t = withSubreg(r1.t, subreg(r1.t).or(Tnum.constant(v & LOW)));
                } else {
                    // the ranges are forgotten first: the edge may be dead, and the bits alone cannot contradict
                    Tnum bits = r1.t;
                    r1.mark64Unbounded();
                    r1.mark32Unbounded();
                    r1.t = withSubreg(bits, subreg(bits).and(Tnum.constant(~v & LOW)));
                }
                return;
            }
            case JLE:
                r1.u32max = umin32(r1.u32max, r2.u32max);
                r2.u32min = umax32(r1.u32min, r2.u32min);
                return;
            case JLT:
                r1.u32max = umin32(r1.u32max, r2.u32max - 1);
                r2.u32min = umax32(r1.u32min + 1, r2.u32min);
                return;
            case JSLE:
                r1.s32max = Math.min(r1.s32max, r2.s32max);
                r2.s32min = Math.max(r1.s32min, r2.s32min);
                return;
            case JSLT:
                r1.s32max = Math.min(r1.s32max, r2.s32max - 1);
                r2.s32min = Math.max(r1.s32min + 1, r2.s32min);
                return;
            default: throw new IllegalArgumentException("not a relation: " + rel);
        }
    }
}
