package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.HashMap;
import java.util.Map;
import org.jbpf.translator.mir.Mir;

/**
 * Conditional jumps against register ranges ({@link RangeBranchFolding}): whether one always or never jumps, and
 * what each way out of it tells about its operands. Unsigned and 32-bit compares are read as signed 64-bit ones
 * only where that gives the same answer: both operands on the same side of zero, or within 32 bits. A signed 32-bit
 * compare reads a zero-extended operand (within 0..2^32-1) as the int its low half is: itself up to 2^31-1, less
 * 2^32 above; what the compare tells of that int is mapped back where it lies in one of the two halves, as the
 * verifier derives a zero-extended register's range from its 32-bit signed one.
 */
final class RangeConditions {
    private RangeConditions() {}

    enum Outcome { ALWAYS, NEVER, UNKNOWN }

    /**
     * A compare in the signed 64-bit domain: op one of JEQ, JNE, JSGT, JSGE, JSLT, JSLE; null when it cannot be read
     * so. {@code a} and {@code b} are the operands as the compare reads them; {@code wholeA} and {@code wholeB} the
     * registers' ranges when a signed 32-bit compare reads them as ints, else null.
     */
    private record Compare(int op, Interval a, Interval b, Interval wholeA, Interval wholeB) {
        Compare(int op, Interval a, Interval b) { this(op, a, b, null, null); }
    }

    static Outcome decide(Mir.MInsn jump, Map<Integer, Interval> state) {
        Compare c = compare(jump, state);
        if (c == null) return Outcome.UNKNOWN;
        if (holdsForAll(c.op, c.a, c.b)) return Outcome.ALWAYS;
        if (holdsForAll(negate(c.op), c.a, c.b)) return Outcome.NEVER;
        return Outcome.UNKNOWN;
    }

    /** The state on the jump's taken way (taken) or its fall-through; null when no value can go that way. */
    static Map<Integer, Interval> refine(Mir.MInsn jump, Map<Integer, Interval> state, boolean taken) {
        Compare c = compare(jump, state);
        Map<Integer, Interval> out = new HashMap<>(state);
        if (c == null) return out;
        int op = taken ? c.op : negate(c.op);
        Interval a = narrow(op, c.a, c.b), b = narrow(swap(op), c.b, c.a);
        if (c.wholeA != null && a != null) a = fromInt(c.wholeA, a);
        if (c.wholeB != null && b != null) b = fromInt(c.wholeB, b);
        if (a == null || b == null) return null;
        RangeTransfer.set(out, jump.dst, a);
        if (source(jump.opcode) == X) RangeTransfer.set(out, jump.src, b);
        return out;
    }

    private static Compare compare(Mir.MInsn j, Map<Integer, Interval> state) {
        if (!j.isJump() || j.isUnconditionalJump() || j.ref != null) return null;
        int op = op(j.opcode);
        if (op == JSET) return null;
        boolean wide = cls(j.opcode) == JMP;
        boolean signed = op == JSGT || op == JSGE || op == JSLT || op == JSLE;
        Interval a = RangeTransfer.get(state, j.dst);
        Interval b = source(j.opcode) == X ? RangeTransfer.get(state, j.src)
                : Interval.of(wide || signed ? (long) (int) j.imm : j.imm & 0xffffffffL);
        if (!wide) {
            // the low halves compare like the whole values when both fit the 32-bit view the compare takes
            if (!signed) {
                if (!a.within(0, 0xffffffffL) || !b.within(0, 0xffffffffL)) return null;
                return new Compare(asSigned(op), a, b);   // both within 0..2^32-1: ordered as signed numbers
            }
            Interval ia = asInt(a), ib = asInt(b);
            if (ia == null || ib == null) return null;
            return new Compare(op, ia, ib, ia.equals(a) ? null : a, ib.equals(b) ? null : b);
        }
        if (signed || op == JEQ || op == JNE) return new Compare(op, a, b);
        // unsigned order equals signed order between values of the same sign
        boolean sameSide = a.nonNegative() && b.nonNegative() || a.hi() < 0 && b.hi() < 0;
        return sameSide ? new Compare(asSigned(op), a, b) : null;
    }

    /**
     * The ints a register's low half holds, for a signed 32-bit compare: the range itself within the int range, a
     * zero-extended range read as ints (every int where it holds values on both sides of 2^31); null otherwise.
     */
    private static Interval asInt(Interval x) {
        if (x.within(Integer.MIN_VALUE, Integer.MAX_VALUE)) return x;
        if (!x.within(0, 0xffffffffL)) return null;
        if (x.lo() > Integer.MAX_VALUE) return new Interval(x.lo() - (1L << 32), x.hi() - (1L << 32));
        return new Interval(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * The values of a zero-extended register (whole) whose low half, read as an int, lies in ints; whole itself
     * where ints holds both signs, so maps back to no one range; null when none.
     */
    private static Interval fromInt(Interval whole, Interval ints) {
        if (ints.nonNegative()) return whole.meet(ints);
        if (ints.hi() < 0) return whole.meet(new Interval(ints.lo() + (1L << 32), ints.hi() + (1L << 32)));
        return whole;
    }

    private static int asSigned(int op) {
        return switch (op) {
            case JGT -> JSGT;
            case JGE -> JSGE;
            case JLT -> JSLT;
            case JLE -> JSLE;
            default -> op;
        };
    }

    static int negate(int op) {
        return switch (op) {
            case JEQ -> JNE;
            case JNE -> JEQ;
            case JSGT -> JSLE;
            case JSLE -> JSGT;
            case JSGE -> JSLT;
            case JSLT -> JSGE;
            default -> throw new IllegalArgumentException("op " + op);
        };
    }

    /** The same relation seen from the other operand: a < b is b > a. */
    private static int swap(int op) {
        return switch (op) {
            case JSGT -> JSLT;
            case JSLT -> JSGT;
            case JSGE -> JSLE;
            case JSLE -> JSGE;
            default -> op;
        };
    }

    /** Whether a op b holds for every pair of values. */
    private static boolean holdsForAll(int op, Interval a, Interval b) {
        return switch (op) {
            case JEQ -> a.isConstant() && b.isConstant() && a.lo() == b.lo();
            case JNE -> a.hi() < b.lo() || b.hi() < a.lo();
            case JSGT -> a.lo() > b.hi();
            case JSGE -> a.lo() >= b.hi();
            case JSLT -> a.hi() < b.lo();
            case JSLE -> a.hi() <= b.lo();
            default -> false;
        };
    }

    /** The values of a for which a op (some value of b) holds; null when none. */
    private static Interval narrow(int op, Interval a, Interval b) {
        return switch (op) {
            case JEQ -> a.meet(b);
            case JNE -> {
                if (!b.isConstant()) yield a;
                long k = b.lo();
                if (a.isConstant() && a.lo() == k) yield null;
                if (a.lo() == k) yield new Interval(k + 1, a.hi());
                if (a.hi() == k) yield new Interval(a.lo(), k - 1);
                yield a;
            }
            case JSGT -> b.lo() == Long.MAX_VALUE ? null : a.meet(new Interval(b.lo() + 1, Long.MAX_VALUE));
            case JSGE -> a.meet(new Interval(b.lo(), Long.MAX_VALUE));
            case JSLT -> b.hi() == Long.MIN_VALUE ? null : a.meet(new Interval(Long.MIN_VALUE, b.hi() - 1));
            case JSLE -> a.meet(new Interval(Long.MIN_VALUE, b.hi()));
            default -> a;
        };
    }
}
