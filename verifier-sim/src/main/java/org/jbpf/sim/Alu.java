package org.jbpf.sim;

import static org.jbpf.core.asm.Opcodes.*;

/** Concrete results of BPF arithmetic (RFC 9669), shared by the interpreter and constant folding in the verifier. */
public final class Alu {
    private Alu() {}

    /**
     * The new value of the destination register.
     *
     * @param opcode ALU or ALU64 opcode
     * @param off    the instruction's offset (1 = signed division/modulo; 8/16/32 = MOVSX width)
     * @param imm    the instruction's immediate (byte-swap width for END)
     * @param dst    current destination value
     * @param src    the operand: the source register, or the immediate sign-extended to 64 bits
     */
    public static long eval(int opcode, int off, long imm, long dst, long src) {
        boolean wide = cls(opcode) == ALU64;
        int op = op(opcode);
        if (op == END) return endian(opcode, (int) imm, dst);
        if (!wide) {
            int a = (int) dst, b = (int) src;
            int r;
            switch (op) {
                case ADD: r = a + b; break;
                case SUB: r = a - b; break;
                case MUL: r = a * b; break;
                case DIV:
                    if (b == 0) r = 0;
                    else r = off == 1 ? a / b : Integer.divideUnsigned(a, b);
                    break;
                case MOD:
                    if (b == 0) r = a;
                    else r = off == 1 ? a % b : Integer.remainderUnsigned(a, b);
                    break;
                case OR: r = a | b; break;
                case AND: r = a & b; break;
                case XOR: r = a ^ b; break;
                case LSH: r = a << (b & 31); break;
                case RSH: r = a >>> (b & 31); break;
                case ARSH: r = a >> (b & 31); break;
                case NEG: r = -a; break;
                case MOV: r = off == 8 ? (byte) b : off == 16 ? (short) b : b; break;
                default: throw new IllegalArgumentException("no ALU operation 0x" + Integer.toHexString(op));
            }
            return r & 0xffffffffL;
        }
        switch (op) {
            case ADD: return dst + src;
            case SUB: return dst - src;
            case MUL: return dst * src;
            case DIV:
                if (src == 0) return 0;
                return off == 1 ? dst / src : Long.divideUnsigned(dst, src);
            case MOD:
                if (src == 0) return dst;
                return off == 1 ? dst % src : Long.remainderUnsigned(dst, src);
            case OR: return dst | src;
            case AND: return dst & src;
            case XOR: return dst ^ src;
            case LSH: return dst << (src & 63);
            case RSH: return dst >>> (src & 63);
            case ARSH: return dst >> (src & 63);
            case NEG: return -dst;
            case MOV:
                switch (off) {
                    case 8: return (byte) src;
                    case 16: return (short) src;
                    case 32: return (int) src;
                    default: return src;
                }
            default: throw new IllegalArgumentException("no ALU operation 0x" + Integer.toHexString(op));
        }
    }

    /** Byte order conversion on a little-endian machine: to-le truncates, to-be and bswap reverse. */
    static long endian(int opcode, int bits, long v) {
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

    /** Whether a conditional jump is taken. */
    public static boolean jump(int opcode, long a, long b) {
        if (cls(opcode) == JMP32) { a = (int) a; b = (int) b; }
        boolean j32 = cls(opcode) == JMP32;
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
}
