package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.PacketContexts;

/**
 * What one MIR instruction does to the ranges of registers ({@link RangeBranchFolding}). A register missing from the
 * state may hold anything. Division, modulo, byte swaps and shifts by a count not known give unknown results, 64 bits
 * of them even for a 32-bit operation, as the kernel verifier keeps no range through them either: a bound the pass
 * proves must be one the verifier can prove too.
 *
 * <p>The packet's pointers, loaded as 32-bit context fields, are 64-bit addresses: nothing is known of them. The
 * verifier knows nothing either of a 32-bit difference of two of them ({@code ctx.length()}), not even that its
 * upper half is zero; the machine zero-extends it as any 32-bit result. {@link #verifierView} claims only what the
 * verifier proves, for passes that drop tests it needs; {@link #runtimeView} claims what the instructions do, for
 * passes that change only values the verifier needs no range of.
 */
final class RangeTransfer {
    /** The kfunc that moves a numeric iterator on ({@code Loops.Numbers.next}). */
    private static final String ITERATOR_NEXT = "bpf_iter_num_next";

    /** Loads of a packet pointer from a context, compared by identity. */
    private final Set<Mir.MInsn> pointerLoads;
    /** Registers that hold nothing but packet pointers: every write of them a load of one or a copy of such a register. */
    private final Set<Integer> pointers;
    private final boolean verifierView;

    private RangeTransfer(List<Mir.MInsn> code, boolean verifierView) {
        this.verifierView = verifierView;
        pointerLoads = Collections.newSetFromMap(new IdentityHashMap<>());
        pointers = new HashSet<>();
        Map<Integer, Integer> starts = PacketContexts.packetStarts(code);
        for (Mir.MInsn m : code) {
            Integer start = m.isLabel() || m.opcode != (LDX | W | MEM) ? null : starts.get(m.src);
            // data, data_end and data_meta: 0, 4, 8 of an xdp_md; 76, 80, 140 of a __sk_buff
            if (start != null && (m.off == start || m.off == start + 4 || m.off == (start == 0 ? 8 : 140))) {
                pointerLoads.add(m);
                pointers.add(m.dst);
            }
        }
        if (pointers.isEmpty()) return;
        for (Mir.MInsn m : code) if (!m.isLabel() && m.opcode == (ALU64 | MOV | X) && m.off == 0) pointers.add(m.dst);
        // a register written anything else holds a number somewhere (ctx.length()'s, end - data): not counted
        for (boolean shrank = true; shrank; ) {
            shrank = false;
            for (Mir.MInsn m : code) {
                int d = Mir.def(m);
                if (d < 0 || !pointers.contains(d) || pointerLoads.contains(m)) continue;
                if (m.opcode == (ALU64 | MOV | X) && m.off == 0 && pointers.contains(m.src)) continue;
                pointers.remove(d);
                shrank = true;
            }
        }
    }

    /** What the kernel verifier proves of each instruction. */
    static RangeTransfer verifierView(List<Mir.MInsn> code) { return new RangeTransfer(code, true); }

    /** What the instructions do, the verifier's knowledge aside. */
    static RangeTransfer runtimeView(List<Mir.MInsn> code) { return new RangeTransfer(code, false); }

    static Interval get(Map<Integer, Interval> state, int reg) { return state.getOrDefault(reg, Interval.TOP); }

    static void set(Map<Integer, Interval> state, int reg, Interval v) {
        if (v == null || v.equals(Interval.TOP)) state.remove(reg); else state.put(reg, v);
    }

    /** Applies m to state. */
    void apply(Mir.MInsn m, Map<Integer, Interval> state) {
        if (m.isLabel()) return;
        int cls = cls(m.opcode);
        if (m.ref != null && cls != JMP && cls != JMP32 && cls != ST && cls != STX) {
            // a relocated immediate or offset (CO-RE, a map) is the loader's to fill in: nothing is known of it here
            int d = Mir.def(m);
            if (d >= 0) state.remove(d);
            return;
        }
        switch (cls) {
            case ALU, ALU64 -> set(state, m.dst, alu(m, state, cls == ALU64));
            case LDX -> set(state, m.dst, pointerLoads.contains(m) ? Interval.TOP : loaded(m));
            case LD -> {
                boolean constant = m.opcode == (LD | IMM | DW) && m.src == 0 && m.ref == null;
                set(state, m.dst, constant ? Interval.of(m.imm) : Interval.TOP);
                if (m.opcode != (LD | IMM | DW)) state.remove(R0);   // legacy packet loads write r0
            }
            case STX -> {
                // an atomic with fetch writes the old value back into a register
                if (mode(m.opcode) == ATOMIC && (m.imm & FETCH) != 0) state.remove(m.imm == CMPXCHG ? R0 : m.src);
            }
            case JMP -> {
                // at the numeric iterator's next, the kernel widens every scalar it has not needed exactly to unknown
                // (so that the loop settles): a bound known before it is no longer known to the kernel after it
                if (m.isCall() && m.src == PSEUDO_KFUNC_CALL && ITERATOR_NEXT.equals(m.ref)) state.clear();
                else if (m.isCall()) for (int r = R0; r <= R5; r++) state.remove(r);
            }
            default -> { }
        }
    }

    private static Interval loaded(Mir.MInsn m) {
        int size = sizeBytes(m.opcode);
        if (mode(m.opcode) == MEMSX) return Interval.TOP.signExtend(size * 8);
        if (mode(m.opcode) != MEM || size == 8) return Interval.TOP;
        return new Interval(0, (1L << (size * 8)) - 1);
    }

    private Interval alu(Mir.MInsn m, Map<Integer, Interval> state, boolean wide) {
        int op = op(m.opcode);
        boolean reg = source(m.opcode) == X;
        // a 32-bit difference of pointers, the one 32-bit operation on a pointer the translator emits: the verifier
        // makes it an unknown scalar, all 64 bits of it
        if (!wide && op != MOV && verifierView && reg && pointers.contains(m.src)) return Interval.TOP;
        // the operand as the machine sees it: a 32-bit op reads the low halves; an immediate is sign-extended
        Interval b = reg ? get(state, m.src) : Interval.of((long) (int) m.imm);
        Interval a = op == MOV ? Interval.TOP : get(state, m.dst);
        if (op == MOV) {
            if (m.off != 0) {   // a sign-extending move of the low 8, 16 or 32 bits
                Interval x = b.signExtend(m.off);
                return wide ? x : x.within(0, Integer.MAX_VALUE) ? x : Interval.U32;
            }
            return wide ? b : reg ? b.low32() : Interval.of(m.imm & 0xffffffffL);
        }
        if (!wide) {
            a = a.low32();
            b = reg ? b.low32() : Interval.of(m.imm & 0xffffffffL);
        }
        int bits = wide ? 63 : 31;
        if (!verifierTracks(op, b, bits)) return Interval.TOP;
        Interval r = switch (op) {
            case ADD -> a.add(b);
            case SUB -> a.sub(b);
            case MUL -> a.mul(b);
            case AND -> a.and(b);
            case OR -> a.orXor(b, true);
            case XOR -> a.orXor(b, false);
            case LSH -> a.shiftLeft((int) b.lo());
            case RSH -> a.shiftRight((int) b.lo());
            case ARSH -> wide ? a.shiftRightArithmetic((int) b.lo())
                    : a.within(0, Integer.MAX_VALUE) ? a.shiftRight((int) b.lo()) : Interval.TOP;
            case NEG -> wide ? a.neg() : a.isConstant() && a.lo() == 0 ? a : Interval.TOP;
            default -> Interval.TOP;   // DIV, MOD, END
        };
        return wide ? r : r.wrap32();
    }

    /**
     * Whether the kernel verifier computes a range for the result at all. For the others (division, modulo, byte
     * swaps, shifts by anything but a known count below the width) it forgets the whole register, the upper half of a
     * 32-bit result included, so the pass must not know that half is zero either: the 32-bit move that says so to the
     * verifier (an array index's, before it moves a frame address) has to stay.
     */
    private static boolean verifierTracks(int op, Interval b, int bits) {
        return switch (op) {
            case ADD, SUB, MUL, AND, OR, XOR, NEG -> true;
            case LSH, RSH, ARSH -> b.isConstant() && b.lo() >= 0 && b.lo() <= bits;
            default -> false;
        };
    }
}
