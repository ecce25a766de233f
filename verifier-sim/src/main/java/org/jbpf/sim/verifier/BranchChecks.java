package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.jbpf.core.asm.Insn;

/**
 * Conditional jumps: which edges can be taken, and what each edge teaches about the compared registers (scalar
 * bounds, null tests of nullable pointers, packet ranges proven against data_end).
 */
final class BranchChecks {
    private final VerifierContext cx;

    BranchChecks(VerifierContext cx) { this.cx = cx; }

    /**
     * Follows a conditional jump at {@code cx.pc}: refines {@code st} for the edge followed in place and hands the
     * state of the other edge, when both are possible, to {@code fork} (target index, state). Returns the next index.
     */
    int conditional(VerifierState st, Insn in, BiConsumer<Integer, VerifierState> fork) {
        int opc = in.opcode(), op = op(opc);
        boolean j32 = cls(opc) == JMP32;
        RegState a = cx.read(st, in.dst());
        RegState b = source(opc) == X ? cx.read(st, in.src()) : RegState.constant(j32 ? in.imm() & 0xffffffffL : (long) (int) in.imm());
        int target = cx.targetIndex(cx.pc, in.off(), false), fall = cx.pc + 1;
        VerifierState takenState = st.copy();
        boolean canTake = true, canFall = true;
        if (a.isScalar() && b.isScalar()) {
            ScalarBounds av = a.value(), bv = b.value();
            // a 32-bit compare is the 64-bit one when both upper halves are zero (and, for a signed compare, bit 31 too)
            long fits = op == JSGT || op == JSGE || op == JSLT || op == JSLE ? 0x7fffffffL : 0xffffffffL;
            boolean exact = !j32 || (Long.compareUnsigned(av.umax(), fits) <= 0 && Long.compareUnsigned(bv.umax(), fits) <= 0);
            if (exact) {
                ScalarBounds[] t = BranchBounds.refine(op, true, av, bv), f = BranchBounds.refine(op, false, av, bv);
                canTake = t != null;
                canFall = f != null;
                if (t != null) setScalars(takenState, in, t);
                if (f != null) setScalars(st, in, f);
            } else {
                // decide the edges on the low halves (as the kernel's 32-bit bounds know them); both registers' low
                // halves narrow, a signed range when it lies on one side of zero, as the kernel's 32-bit bounds do
                ScalarBounds a32 = low32(av, op), b32 = low32(bv, op);
                ScalarBounds[] t = BranchBounds.refine(op, true, a32, b32), f = BranchBounds.refine(op, false, a32, b32);
                canTake = t != null;
                canFall = f != null;
                boolean signed = op == JSGT || op == JSGE || op == JSLT || op == JSLE;
                if (t != null) takenState.set(in.dst(), a.withValue(narrowLow(av, t[0], signed)));
                if (f != null) st.set(in.dst(), a.withValue(narrowLow(av, f[0], signed)));
                if (source(opc) == X && in.src() != in.dst()) {
                    if (t != null) takenState.set(in.src(), b.withValue(narrowLow(bv, t[1], signed)));
                    if (f != null) st.set(in.src(), b.withValue(narrowLow(bv, f[1], signed)));
                }
                // JSET's fall-through edge forgets the 64-bit ranges of the side tested against a constant
                if (op == JSET && f != null && a32.isConst() != b32.isConst()) {
                    boolean dstVaries = !a32.isConst();
                    long c = (dstVaries ? b32 : a32).constValue();
                    st.set(dstVaries ? in.dst() : in.src(), (dstVaries ? a : b).withValue(BranchBounds.clearBits(dstVaries ? av : bv, c).normalize()));
                }
                // a value whose signed range fits in 32 bits is its low half read as an s32: a constant outside that
                // range is never equal to it, as the kernel's s32 bounds decide
                if ((op == JEQ || op == JNE) && b32.isConst() && av.smin() >= Integer.MIN_VALUE && av.smax() <= Integer.MAX_VALUE) {
                    int c = (int) b32.constValue();
                    if (c < av.smin() || c > av.smax()) {
                        canTake = op == JNE;
                        canFall = op == JEQ;
                    }
                }
            }
        } else if (!j32 && source(opc) == K && in.imm() == 0 && (op == JEQ || op == JNE) && a.type().maybeNull()) {
            nullTest(op == JEQ ? takenState : st, a, true);
            nullTest(op == JEQ ? st : takenState, a, false);
        } else if (b.isConst() && b.value().constValue() == 0 && (op == JEQ || op == JNE) && !j32 && provablyNonNull(a)) {
            canTake = op == JNE;
            canFall = op == JEQ;
        } else if (!j32 && source(opc) == X) {
            // a packet pointer already marked at or past data_end decides a repeated compare with it
            int decided = PacketCompares.decided(in, a, b);
            if (decided >= 0) {
                canTake = decided == 1;
                canFall = decided == 0;
            } else {
                PacketCompares.refine(in, a, b, takenState, st);
            }
        }
        if (!canTake || !canFall) {
            // the outcome is decided by the compared values: they must be exact wherever this state prunes others
            if (a.isScalar()) cx.needPrecise(st, in.dst());
            if (source(opc) == X && b.isScalar()) cx.needPrecise(st, in.src());
        }
        if (!canTake && !canFall) canFall = true; // contradictory facts: keep going as the kernel does
        if (a.isScalar() && b.isScalar()) {
            // what each edge learnt of the compared registers, every register linked to them learns too
            cx.branchLinks = links(st, in);
            for (VerifierState edge : new VerifierState[] { takenState, st }) {
                if (source(opc) == X) ScalarLinks.sync(edge, in.src());
                ScalarLinks.sync(edge, in.dst());
            }
        }
        if (canTake && canFall) { fork.accept(target, takenState); return fall; }
        if (canTake) { copyInto(st, takenState); return target; }
        return fall;
    }

    /**
     * {@code v} whose low 32 bits are known to lie in the unsigned range {@code low}: the upper half stays as it was,
     * the low half's known bits narrow, and each 64-bit bound moves to the nearest value with its own upper half and
     * a low half in range (the kernel's u32-into-64 deduction in __reg_deduce_mixed_bounds). Null {@code low}: nothing
     * is learnt. Not yet normalized: {@link #narrowLow} does that once the signed range is in.
     */
    private static ScalarBounds lowHalf(ScalarBounds v, ScalarBounds low) {
        if (low == null) return v;
        long lo = low.umin(), hi = low.umax(), upper = 0xffffffff00000000L;
        if (Long.compareUnsigned(hi, 0xffffffffL) > 0) return v;
        Tnum r = Tnum.range(lo, hi);
        Tnum t = v.tnum().intersect(new Tnum(r.value(), r.mask() | upper));
        long uMin = umax(v.umin(), (v.umin() & upper) | lo), uMax = umin(v.umax(), (v.umax() & upper) | hi);
        long sMin = Math.max(v.smin(), (v.smin() & upper) | lo), sMax = Math.min(v.smax(), (v.smax() & upper) | hi);
        // an unsigned range of the low half below 2^31 is also its signed range
        int s32Min = v.s32min(), s32Max = v.s32max();
        if (hi <= Integer.MAX_VALUE) { s32Min = (int) Math.max(s32Min, lo); s32Max = (int) Math.min(s32Max, hi); }
        return new ScalarBounds(t, sMin, sMax, uMin, uMax, s32Min, s32Max);
    }

    /**
     * {@code v} whose low half lies in {@code low}: a signed 32-bit range (sign-extended) for a signed compare, which
     * is kept as the low half's s32 range even when it crosses zero, else an unsigned one. Where what the edge teaches
     * contradicts the known bits, the bits win, as on a 64-bit edge ({@link ScalarBounds#normalizeOnEdge}): the
     * kernel's sanity check drops the ranges and keeps the bits, which its own deduction has already narrowed.
     */
    private static ScalarBounds narrowLow(ScalarBounds v, ScalarBounds low, boolean signed) {
        ScalarBounds n = lowHalf(v, signed ? unsigned32(low) : low);
        if (signed) n = new ScalarBounds(n.tnum(), n.smin(), n.smax(), n.umin(), n.umax(),
                (int) Math.max(n.s32min(), Math.max(low.smin(), Integer.MIN_VALUE)), (int) Math.min(n.s32max(), Math.min(low.smax(), Integer.MAX_VALUE)));
        return n.normalizeOnEdge();
    }

    /**
     * The unsigned range of the low half given its range as a signed 32-bit number ({@code s}, sign-extended), when
     * that range does not cross zero; null when it does (its unsigned form is two pieces).
     */
    private static ScalarBounds unsigned32(ScalarBounds s) {
        if (s.smin() >= 0 || s.smax() < 0) return ScalarBounds.unsignedRange(s.smin() & 0xffffffffL, s.smax() & 0xffffffffL);
        return null;
    }

    private static long umax(long a, long b) { return Long.compareUnsigned(a, b) >= 0 ? a : b; }
    private static long umin(long a, long b) { return Long.compareUnsigned(a, b) <= 0 ? a : b; }

    /** The low 32 bits of {@code v} as a 64-bit range: unsigned, or sign-extended for a signed comparison. */
    private static ScalarBounds low32(ScalarBounds v, int op) {
        ScalarBounds t = v.truncate(4);
        if (!(op == JSGT || op == JSGE || op == JSLT || op == JSLE) || t.umax() <= 0x7fffffffL) return t;
        return ScalarBounds.signedRange(t.s32min(), t.s32max());
    }

    private static boolean provablyNonNull(RegState r) {
        return r.type() == RegType.MAP_VALUE || r.type() == RegType.RINGBUF_MEM || r.type() == RegType.MAP_PTR || r.type() == RegType.MEM_RDONLY;
    }

    private static void copyInto(VerifierState to, VerifierState from) {
        to.frames.clear();
        to.frames.addAll(from.frames);
        to.refs.clear();
        to.refs.putAll(from.refs);
    }

    private static void setScalars(VerifierState st, Insn in, ScalarBounds[] v) {
        st.set(in.dst(), st.reg(in.dst()).withValue(v[0]));
        if (source(in.opcode()) == X && in.src() != in.dst()) st.set(in.src(), st.reg(in.src()).withValue(v[1]));
    }

    /** The members of the links of the compared registers, for the precision walk ({@link History#addLinks}). */
    private static int[] links(VerifierState st, Insn in) {
        int[] d = ScalarLinks.members(st, in.dst());
        if (source(in.opcode()) != X || in.src() == in.dst()) return d;
        int[] s = ScalarLinks.members(st, in.src());
        int[] all = java.util.Arrays.copyOf(d, d.length + s.length);
        System.arraycopy(s, 0, all, d.length, s.length);
        return all;
    }

    /** On one edge of a null test: every copy of the tested pointer becomes 0, or non-null. */
    private static void nullTest(VerifierState st, RegState tested, boolean isNull) {
        int id = tested.id();
        // a class, not a lambda: each lambda links method handles at its first call, and most programs test a lookup
        st.mapAll(new UnaryOperator<RegState>() {
            @Override public RegState apply(RegState r) {
                return r.type().maybeNull() && r.id() == id ? (isNull ? RegState.constant(0) : r.withType(r.type().nonNull())) : r;
            }
        });
        if (isNull && tested.refId() != 0) st.refs.remove(tested.refId());
    }
}
