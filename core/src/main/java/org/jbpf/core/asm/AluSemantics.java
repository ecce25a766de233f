package org.jbpf.core.asm;

import static org.jbpf.core.asm.Opcodes.*;

/**
 * The value every BPF arithmetic instruction gives on known operands, exactly as RFC 9669 defines it and the kernel
 * computes it: division by zero gives 0, modulo by zero leaves the dividend, signed division and modulo truncate toward
 * zero (so LLONG_MIN / -1 is LLONG_MIN), shift counts are masked to the operand width, and every 32-bit result is
 * zero-extended to 64 bits. Shared by the translator's constant folding and the verifier simulation's interpreter, so
 * both compute what the kernel will.
 */
public final class AluSemantics {
    private AluSemantics() {}

    /** Signed division or modulo: the {@code off} of SDIV/SMOD. */
    public static final int SIGNED = 1;

    /**
     * The new value of the destination register of {@code insn}.
     *
     * @param dst    current destination value
     * @param srcReg current value of the source register (ignored for immediate forms)
     */
    public static long apply(Insn insn, long dst, long srcReg) {
        long src = source(insn.opcode()) == X && op(insn.opcode()) != END ? srcReg : immOperand(insn.imm());
        return eval(insn.opcode(), insn.off(), insn.imm(), dst, src);
    }

    /**
     * The new value of the destination register.
     *
     * @param opcode ALU or ALU64 opcode
     * @param off    the instruction's offset ({@link #SIGNED} for SDIV/SMOD; 8/16/32 for MOVSX)
     * @param imm    the instruction's immediate (byte-swap width for END)
     * @param dst    current destination value
     * @param src    the operand: the source register, or the immediate sign-extended to 64 bits
     */
    public static long eval(int opcode, int off, long imm, long dst, long src) {
        if (cls(opcode) != ALU && cls(opcode) != ALU64)
            throw new IllegalArgumentException("opcode 0x" + Integer.toHexString(opcode) + " is not an ALU instruction");
        int op = op(opcode);
        if (op == END) return endian(opcode, (int) imm, dst);
        return cls(opcode) == ALU64 ? alu64(op, off, dst, src) : alu32(op, off, (int) dst, (int) src) & 0xffffffffL;
    }

    private static int alu32(int op, int off, int a, int b) {
        switch (op) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV:
                if (b == 0) return 0;
                return off == SIGNED ? a / b : Integer.divideUnsigned(a, b);
            case MOD:
                if (b == 0) return a;
                return off == SIGNED ? a % b : Integer.remainderUnsigned(a, b);
            case OR: return a | b;
            case AND: return a & b;
            case XOR: return a ^ b;
            case LSH: return a << (b & 31);
            case RSH: return a >>> (b & 31);
            case ARSH: return a >> (b & 31);
            case NEG: return -a;
            case MOV: return off == 8 ? (byte) b : off == 16 ? (short) b : b;
            default: throw noOperation(op);
        }
    }

    private static long alu64(int op, int off, long a, long b) {
        switch (op) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV:
                if (b == 0) return 0;
                return off == SIGNED ? a / b : Long.divideUnsigned(a, b);
            case MOD:
                if (b == 0) return a;
                return off == SIGNED ? a % b : Long.remainderUnsigned(a, b);
            case OR: return a | b;
            case AND: return a & b;
            case XOR: return a ^ b;
            case LSH: return a << (b & 63);
            case RSH: return a >>> (b & 63);
            case ARSH: return a >> (b & 63);
            case NEG: return -a;
            case MOV:
                switch (off) {
                    case 8: return (byte) b;
                    case 16: return (short) b;
                    case 32: return (int) b;
                    default: return b;
                }
            default: throw noOperation(op);
        }
    }

    /**
     * Byte order conversion on a little-endian machine: ALU|END|TO_LE truncates to the width, ALU|END|TO_BE reverses
     * the bytes of the width, ALU64|END (bswap) always reverses; the result is zero-extended from the width.
     */
    public static long endian(int opcode, int bits, long v) {
        boolean swap = cls(opcode) == ALU64 || source(opcode) == TO_BE;
        switch (bits) {
            case 16: return (swap ? Short.reverseBytes((short) v) : (short) v) & 0xffffL;
            case 32: return (swap ? Integer.reverseBytes((int) v) : (int) v) & 0xffffffffL;
            case 64: return swap ? Long.reverseBytes(v) : v;
            default: throw new IllegalArgumentException("byte swap width must be 16, 32 or 64: " + bits);
        }
    }

    /** The immediate as an operand: sign-extended to 64 bits (the ALU32 path only uses its low half). */
    public static long immOperand(long imm) { return (int) imm; }

    /** Whether a conditional jump ({@code JMP} compares 64 bits, {@code JMP32} the low 32) is taken. */
    public static boolean jumpTaken(int opcode, long a, long b) {
        boolean j32 = cls(opcode) == JMP32;
        if (j32) { a = (int) a; b = (int) b; }
        long ua = j32 ? a & 0xffffffffL : a, ub = j32 ? b & 0xffffffffL : b;
        switch (op(opcode)) {
            case JEQ: return a == b;
            case JNE: return a != b;
            case JGT: return Long.compareUnsigned(ua, ub) > 0;
            case JGE: return Long.compareUnsigned(ua, ub) >= 0;
            case JLT: return Long.compareUnsigned(ua, ub) < 0;
            case JLE: return Long.compareUnsigned(ua, ub) <= 0;
            case JSGT: return a > b;
            case JSGE: return a >= b;
            case JSLT: return a < b;
            case JSLE: return a <= b;
            case JSET: return (a & b) != 0;
            default: throw new IllegalArgumentException("no conditional jump 0x" + Integer.toHexString(op(opcode)));
        }
    }

    private static IllegalArgumentException noOperation(int op) {
        return new IllegalArgumentException("no ALU operation 0x" + Integer.toHexString(op));
    }
}
