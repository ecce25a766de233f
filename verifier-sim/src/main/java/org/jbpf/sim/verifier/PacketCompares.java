package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.function.UnaryOperator;
import org.jbpf.core.asm.Insn;

/**
 * A 64-bit compare of a packet pointer with data_end, or of a metadata pointer with data (the packet's own start,
 * which ends the metadata area), as the 6.18 kernel reads it. The edge where the pointer lies
 * at or before data_end proves bytes for every pointer of the same origin (its id): {@code off} bytes after
 * {@code pkt + off <= end}, one more after {@code pkt + off < end}. The other edge marks the compared register itself
 * as at data_end ({@code >=}) or beyond it ({@code >}), a negative range that later decides a repeated compare of
 * that register, as compilers emit it when they test one bound twice.
 */
final class PacketCompares {
    /** The kernel's marks for a packet pointer known to lie at or beyond data_end (never a readable range). */
    static final int AT_END = -1, BEYOND_END = -2;
    /** Past this offset the kernel learns nothing from a compare (an overflow could wrap it). */
    private static final long MAX_PACKET_OFF = 0xffff;

    /** Which edge a compare of {@code in} must take: 1 the jump, 0 the fall-through, -1 either or not a packet compare. */
    static int decided(Insn in, RegState a, RegState b) {
        int op = op(in.opcode());
        RegState pkt;
        if (b.type() == RegType.PACKET_END && a.type().isPacket()) pkt = a;
        else if (a.type() == RegType.PACKET_END && b.type().isPacket()) { pkt = b; op = flip(op); }
        else return -1;
        if (pkt.range() >= 0) return -1;
        if ((op == JGT || op == JLE) && pkt.range() == BEYOND_END) return op == JGT ? 1 : 0;
        if (op == JGE || op == JLT) return op == JGE ? 1 : 0;
        return -1;
    }

    /**
     * Teaches both edges what the compare {@code in} of a packet pointer with data_end, or of a metadata pointer with
     * data, proves; nothing for other compares.
     */
    static void refine(Insn in, RegState a, RegState b, VerifierState taken, VerifierState fall) {
        int op = op(in.opcode()), reg;
        RegState pkt;
        if (ends(a, b)) { pkt = a; reg = in.dst(); }
        else if (ends(b, a)) { pkt = b; reg = in.src(); op = flip(op); }
        else return;
        // normalised to "pkt op end": which edge has the pointer inside, and whether it is strictly before the end
        boolean insideWhenTaken, strict;
        switch (op) {
            case JGT: insideWhenTaken = false; strict = false; break;
            case JGE: insideWhenTaken = false; strict = true; break;
            case JLT: insideWhenTaken = true; strict = true; break;
            case JLE: insideWhenTaken = true; strict = false; break;
            default: return;
        }
        goodPointers(insideWhenTaken ? taken : fall, pkt, strict);
        markEnd(insideWhenTaken ? fall : taken, reg, pkt, !strict);
    }

    /**
     * Whether {@code end} bounds what {@code pkt} may read: data_end for a packet pointer, and for a metadata pointer
     * the packet's start itself (data with no offset added), as the kernel's try_match_pkt_pointers requires.
     */
    private static boolean ends(RegState pkt, RegState end) {
        if (pkt.type() == RegType.PACKET) return end.type() == RegType.PACKET_END;
        return pkt.type() == RegType.PACKET_META && end.type() == RegType.PACKET && end.off() == 0 && end.value().isConst()
                && end.value().constValue() == 0;
    }

    /** The edge where {@code pkt <= end} ({@code pkt < end} when {@code strict}): its bytes before it are readable. */
    private static void goodPointers(VerifierState st, RegState pkt, boolean strict) {
        if (pkt.off() < 0 || pkt.off() == 0 && strict) return;
        if (Long.compareUnsigned(pkt.value().umax(), MAX_PACKET_OFF) > 0
                || Long.compareUnsigned(pkt.value().umax() + pkt.off(), MAX_PACKET_OFF) > 0) return;
        int range = pkt.off() + (strict ? 1 : 0);
        // a class, not a lambda: lambdas link method handles at their first use, on the translate path
        st.mapAll(new UnaryOperator<RegState>() {
            @Override public RegState apply(RegState r) {
                return r.type() == pkt.type() && r.id() == pkt.id() && r.range() < range ? r.withRange(range) : r;
            }
        });
    }

    /** The edge where the register {@code reg} lies past the end ({@code beyond}) or at or past it. */
    private static void markEnd(VerifierState st, int reg, RegState pkt, boolean beyond) {
        if (pkt.type() != RegType.PACKET) return;
        st.set(reg, st.reg(reg).withRange(beyond ? BEYOND_END : AT_END));
    }

    /** The compare with its operands swapped. */
    private static int flip(int op) {
        switch (op) {
            case JGT: return JLT;
            case JGE: return JLE;
            case JLT: return JGT;
            case JLE: return JGE;
            case JSGT: return JSLT;
            case JSGE: return JSLE;
            case JSLT: return JSGT;
            case JSLE: return JSGE;
            default: return op;
        }
    }
}
