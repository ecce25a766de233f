package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;
import static org.jbpf.sim.verifier.VerifierContext.MAX_VAR_OFF;
import static org.jbpf.sim.verifier.VerifierContext.checkWritable;

import org.jbpf.core.asm.AluSemantics;
import org.jbpf.core.asm.Insn;

/** ALU instructions: scalar arithmetic over bounds, and the pointer arithmetic the kernel allows. */
final class AluChecks {
    private final VerifierContext cx;

    AluChecks(VerifierContext cx) { this.cx = cx; }

    void alu(VerifierState st, Insn in) {
        int opc = in.opcode(), op = op(opc), dst = in.dst();
        boolean wide = cls(opc) == ALU64;
        if (op == MOV) {
            checkWritable(dst);
            if (source(opc) == K) {
                st.set(dst, RegState.constant(wide ? (long) (int) in.imm() : in.imm() & 0xffffffffL));
                return;
            }
            RegState s = cx.read(st, in.src());
            if (wide && in.off() == 0 || s.isScalar() && keepsValue(s.value(), in.off(), wide)) {
                // a copy that leaves the value as it is links the two, as the kernel's scalar ids do
                s = ScalarLinks.beforeCopy(s, cx);
                st.set(in.src(), s);
                // a sign-extending copy stays linked, but the kernel recomputes its bounds from the range
                st.set(dst, in.off() == 0 ? s : s.withValue(extend(s.value(), in.off(), wide)));
                return;
            }
            if (!s.isScalar()) { st.set(dst, RegState.scalar(wide ? ScalarBounds.UNKNOWN : ScalarBounds.U32)); return; }
            ScalarBounds v = in.off() == 0 ? s.value().zext32() : extend(s.value(), in.off(), wide);
            st.set(dst, RegState.scalar(v));
            return;
        }
        RegState d = cx.read(st, dst);
        checkWritable(dst);
        if (d.type() == RegType.BTF_ID && wide && op == ADD && source(opc) == K && TracingArguments.hasFieldRecord(cx)) {
            st.set(dst, TracingArguments.argument()); // an embedded struct's address, reached by its field record
            return;
        }
        if (op == NEG || op == END) {
            if (!d.isScalar()) { st.set(dst, RegState.UNKNOWN_SCALAR); return; }
            if (d.isConst()) { st.set(dst, RegState.constant(AluSemantics.eval(opc, in.off(), in.imm(), d.value().constValue(), 0))); return; }
            ScalarBounds r;
            // the kernel negates as 0 - x
            if (op == NEG) r = ScalarBounds.constant(0).alu(SUB, d.value(), !wide);
            else if (wide || source(opc) == TO_BE) r = byteSwap(d.value(), (int) in.imm() / 8);
            else r = in.imm() == 64 ? d.value() : d.value().truncate((int) in.imm() / 8);
            st.set(dst, RegState.scalar(r));
            return;
        }
        RegState s;
        if (source(opc) == X) s = cx.read(st, in.src());
        else {
            if ((op == DIV || op == MOD) && in.imm() == 0)
                throw new Reject("div by zero", "division or remainder by the constant 0");
            if ((op == LSH || op == RSH || op == ARSH) && (in.imm() < 0 || in.imm() >= (wide ? 64 : 32)))
                throw new Reject("invalid shift " + in.imm(), "shift by " + in.imm() + " is out of range");
            s = RegState.constant(wide ? (long) (int) in.imm() : in.imm() & 0xffffffffL);
        }
        if (d.type().isPointer() || s.type().isPointer()) {
            // the offset added to a pointer decides which memory it may reach
            if (source(opc) == X && d.type().isPointer() != s.type().isPointer()) cx.needPrecise(st, d.type().isPointer() ? in.src() : dst);
            st.set(dst, pointerAlu(in, d, s, wide));
            return;
        }
        ScalarBounds v = scalarAlu(in, d.value(), s.value(), wide);
        // an add or subtract of a constant keeps a link with the copies, shifted by the constant
        if ((op == ADD || op == SUB) && s.isConst()) {
            long c = wide ? s.value().constValue() : (int) s.value().constValue();
            st.set(dst, ScalarLinks.afterAdd(d, op == ADD ? c : c == Long.MIN_VALUE ? c : -c, v, wide));
        } else st.set(dst, RegState.scalar(v));
    }

    /**
     * AND or OR of a constant with a value known to be 0 or -1 (in 64 bits, else in its low half): the kernel follows
     * each of the two values on a path of its own (maybe_fork_scalars), so that {@code (x s>> 63) & c} is 0 or c,
     * not a range. Sets {@code st}'s destination to -1 and returns a copy where it is 0, to run the instruction
     * again; null when nothing forks.
     */
    VerifierState zeroOrMinusOne(VerifierState st, Insn in) {
        int opc = in.opcode(), op = op(opc);
        if (op != AND && op != OR) return null;
        RegState d = st.reg(in.dst());
        if (!d.isScalar()) return null;
        if (source(opc) == X) {
            RegState s = st.reg(in.src());
            if (!s.isScalar() || (cls(opc) == ALU64 ? !s.isConst() : (s.value().tnum().mask() & 0xffffffffL) != 0)) return null;
        }
        ScalarBounds v = d.value();
        boolean whole = v.smin() == -1 && v.smax() == 0;
        if (!whole && !(v.s32min() == -1 && v.s32max() == 0)) return null;
        VerifierState zero = st.copy();
        zero.set(in.dst(), RegState.scalar(whole ? ScalarBounds.constant(0) : v.withLowHalf(0)));
        st.set(in.dst(), RegState.scalar(whole ? ScalarBounds.constant(-1) : v.withLowHalf(-1)));
        return zero;
    }

    /**
     * Whether {@code w = w} (32-bit), or a sign-extending move from the low {@code bits}, leaves a scalar of bounds
     * {@code v} as it is: the kernel links only such copies.
     */
    private static ScalarBounds extend(ScalarBounds v, int bits, boolean wide) {
        return wide ? SignExtension.of64(v, bits / 8) : SignExtension.of32(v, bits / 8);
    }

    private static boolean keepsValue(ScalarBounds v, int bits, boolean wide) {
        if (bits == 0) return wide || Long.compareUnsigned(v.umax(), 0xffffffffL) <= 0;
        return Long.compareUnsigned(v.umax(), 1L << (bits - 1)) < 0;
    }

    /**
     * A byte swap of the low {@code bytes} bytes: the kernel swaps the known bits with them and derives the bounds
     * from those bits alone, since a swap scrambles any range.
     */
    private static ScalarBounds byteSwap(ScalarBounds v, int bytes) {
        int drop = 64 - 8 * bytes;
        Tnum t = v.tnum();
        return new ScalarBounds(new Tnum(Long.reverseBytes(t.value()) >>> drop, Long.reverseBytes(t.mask()) >>> drop),
                Long.MIN_VALUE, Long.MAX_VALUE, 0, -1L).normalize();
    }

    private static ScalarBounds scalarAlu(Insn in, ScalarBounds a, ScalarBounds b, boolean wide) {
        int opc = in.opcode(), op = op(opc);
        // the kernel tracks no range through division and remainder, even of constants, nor through a shift
        // whose count is not a constant below the operand width: the result is unknown in all 64 bits
        if (op == DIV || op == MOD) return ScalarBounds.UNKNOWN;
        if ((op == LSH || op == RSH || op == ARSH) && !(b.isConst() && Long.compareUnsigned(b.constValue(), wide ? 64 : 32) < 0))
            return ScalarBounds.UNKNOWN;
        if (a.isConst() && b.isConst())
            return ScalarBounds.constant(AluSemantics.eval(opc, in.off(), in.imm(), a.constValue(), b.constValue()));
        return a.alu(op, b, !wide);
    }

    private RegState pointerAlu(Insn in, RegState d, RegState s, boolean wide) {
        int op = op(in.opcode()), dst = in.dst();
        String sym = opSymbol(op);
        if (!wide) {
            // a privileged load may subtract in 32 bits; the kernel then knows nothing of the result, not even its width
            if (op == SUB) return RegState.UNKNOWN_SCALAR;
            throw new Reject("R" + dst + " 32-bit pointer arithmetic prohibited",
                    "pointer arithmetic must use 64-bit (long) values");
        }
        if (d.type().isPointer() && s.type().isPointer()) {
            if (op == SUB) return RegState.UNKNOWN_SCALAR;
            throw new Reject("R" + dst + " pointer " + sym + " pointer prohibited", "two pointers cannot be combined with " + sym);
        }
        RegState ptr = d.type().isPointer() ? d : s, sc = d.type().isPointer() ? s : d;
        String t = ptr.type().logName;
        if (ptr.type().maybeNull())
            throw new Reject("R" + dst + " pointer arithmetic on " + t + " prohibited, null-check it first",
                    nullableWhat(ptr) + " may be null here; test it against null before computing with it");
        boolean mapPlusZero = ptr.type() == RegType.MAP_PTR && op == ADD && sc.isConst() && sc.value().constValue() == 0;
        if ((ptr.type() == RegType.MAP_PTR && !mapPlusZero) || ptr.type() == RegType.PACKET_END)
            throw new Reject("R" + dst + " pointer arithmetic on " + t + " prohibited",
                    "a " + (ptr.type() == RegType.MAP_PTR ? "map reference" : "packet end pointer") + " cannot be offset");
        if (op == AND || op == OR || op == XOR)
            throw new Reject("R" + dst + " bitwise operator " + sym + " on pointer prohibited", "bit operations on a pointer are not allowed");
        if (op != ADD && op != SUB)
            throw new Reject("R" + dst + " pointer arithmetic with " + sym + " operator prohibited",
                    "only + and - are allowed on pointers");
        if (op == SUB && !d.type().isPointer())
            throw new Reject("R" + dst + " tried to subtract pointer from scalar", "a pointer cannot be subtracted from a number");
        if (op == SUB && ptr.type() == RegType.STACK)
            throw new Reject("R" + dst + " subtraction from stack pointer prohibited",
                    "subtracting from a stack address is refused; add a negative offset instead");
        ScalarBounds v = sc.value();
        if (v.isConst() && (v.constValue() >= MAX_VAR_OFF || v.constValue() <= -MAX_VAR_OFF))
            throw new Reject("math between " + t + " pointer and register with value " + v.constValue() + " is not allowed",
                    "offset " + v.constValue() + " is far outside any object");
        if (v.smin() == Long.MIN_VALUE)
            throw new Reject("math between " + t + " pointer and register with unbounded min value is not allowed",
                    "an index added to a pointer must be bounded: check it (e.g. if (i < N)) or mask it first");
        if (v.smin() >= MAX_VAR_OFF || v.smin() <= -MAX_VAR_OFF)
            throw new Reject("value " + v.smin() + " makes " + t + " pointer be out of bounds", "the index is far out of bounds");
        if (v.isConst()) {
            long off = ptr.off() + (op == ADD ? v.constValue() : -v.constValue());
            if (off >= MAX_VAR_OFF || off <= -MAX_VAR_OFF)
                throw new Reject(t + " pointer offset " + off + " is not allowed", "pointer offset " + off + " is out of bounds");
            return ptr.withOff((int) off);
        }
        ScalarBounds var = ScalarAlu.pointerOffset(op, ptr.value(), v);
        RegState r = ptr.withValue(var);
        if (ptr.type().isPacket()) r = r.withId(cx.newId()).withRange(0);
        return r;
    }

    private static String opSymbol(int op) {
        String d = org.jbpf.core.asm.Disassembler.format(Insn.alu64Reg(op, 0, 1));
        return d.substring(3, d.lastIndexOf(' '));
    }

    static String nullableWhat(RegState r) {
        return r.type() == RegType.RINGBUF_MEM_OR_NULL ? "the ring buffer reservation" : "the value of a map lookup";
    }
}
