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
            if (!j32) {
                ScalarBounds[] t = BranchBounds.refine(op, true, av, bv), f = BranchBounds.refine(op, false, av, bv);
                canTake = t != null;
                canFall = f != null;
                if (t != null) setScalars(takenState, in, t);
                if (f != null) setScalars(st, in, f);
            } else {
                // decided on the low halves alone; an open edge narrows their ranges, and through them the values
                int decided = LowHalfCompares.decide(op, av, bv);
                canTake = decided != 0;
                canFall = decided != 1;
                boolean sameRegister = source(opc) == X && in.src() == in.dst();
                if (decided < 0 && !sameRegister) {
                    setScalars(takenState, in, LowHalfCompares.refine(op, true, av, bv));
                    setScalars(st, in, LowHalfCompares.refine(op, false, av, bv));
                }
            }
        } else if (!j32 && source(opc) == K && in.imm() == 0 && (op == JEQ || op == JNE) && a.type().maybeNull()) {
            nullTest(op == JEQ ? takenState : st, a, true);
            nullTest(op == JEQ ? st : takenState, a, false);
        } else if (!j32 && b.isConst() && b.value().constValue() == 0 && (op == JEQ || op == JNE) && provablyNonNull(a)) {
            // a pointer that cannot be null is never 0 (is_branch_taken on a pointer); only in 64 bits: its low half
            // may be 0, so 6.18.44 follows both edges of a 32-bit compare and learns nothing on either
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
