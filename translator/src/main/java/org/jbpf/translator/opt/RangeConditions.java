package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.HashMap;
import java.util.Map;
import org.jbpf.translator.mir.Mir;

/**
 * Conditional jumps against register ranges ({@link RangeBranchFolding}): whether one always or never jumps, and
 * what each way out of it tells about its operands. Unsigned and 32-bit compares are read as signed 64-bit ones
 * only where that gives the same answer: both operands on the same side of zero, or within 32 bits.
 */
final class RangeConditions {
    private RangeConditions() {}

    enum Outcome { ALWAYS, NEVER, UNKNOWN }

    /** A compare in the signed 64-bit domain: op one of JEQ, JNE, JSGT, JSGE, JSLT, JSLE; null when it cannot be read so. */
    private record Compare(int op, Interval a, Interval b) {}

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
            long min = signed ? Integer.MIN_VALUE : 0, max = signed ? Integer.MAX_VALUE : 0xffffffffL;
            if (!a.within(min, max) || !b.within(min, max)) return null;
            if (!signed) return new Compare(asSigned(op), a, b);   // both within 0..2^32-1: ordered as signed numbers
            return new Compare(op, a, b);
        }
        if (signed || op == JEQ || op == JNE) return new Compare(op, a, b);
        // unsigned order equals signed order between values of the same sign
        boolean sameSide = a.nonNegative() && b.nonNegative() || a.hi() < 0 && b.hi() < 0;
        return sameSide ? new Compare(asSigned(op), a, b) : null;
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
