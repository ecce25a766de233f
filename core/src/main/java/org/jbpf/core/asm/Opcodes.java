package org.jbpf.core.asm;

/** Named constants of the BPF instruction set (RFC 9669). */
public final class Opcodes {
    private Opcodes() {}

    // instruction classes (low 3 bits)
    public static final int LD = 0x00, LDX = 0x01, ST = 0x02, STX = 0x03,
            ALU = 0x04, JMP = 0x05, JMP32 = 0x06, ALU64 = 0x07;

    // load/store size
    public static final int W = 0x00, H = 0x08, B = 0x10, DW = 0x18;

    // load/store mode
    public static final int IMM = 0x00, ABS = 0x20, IND = 0x40, MEM = 0x60, MEMSX = 0x80, ATOMIC = 0xc0;

    // operand source
    public static final int K = 0x00, X = 0x08;

    // ALU operations
    public static final int ADD = 0x00, SUB = 0x10, MUL = 0x20, DIV = 0x30, OR = 0x40, AND = 0x50,
            LSH = 0x60, RSH = 0x70, NEG = 0x80, MOD = 0x90, XOR = 0xa0, MOV = 0xb0, ARSH = 0xc0, END = 0xd0;

    // jump operations
    public static final int JA = 0x00, JEQ = 0x10, JGT = 0x20, JGE = 0x30, JSET = 0x40, JNE = 0x50,
            JSGT = 0x60, JSGE = 0x70, CALL = 0x80, EXIT = 0x90, JLT = 0xa0, JLE = 0xb0, JSLT = 0xc0, JSLE = 0xd0;

    // atomic operations (imm field of ATOMIC instructions)
    public static final int FETCH = 0x01, XCHG = 0xe0 | FETCH, CMPXCHG = 0xf0 | FETCH;

    // END source bits: TO_LE uses K, TO_BE uses X; ALU64|END is the unconditional bswap of v4
    public static final int TO_LE = 0x00, TO_BE = 0x08;

    // src_reg values of LD_IMM64 and CALL
    public static final int PSEUDO_MAP_FD = 1, PSEUDO_MAP_VALUE = 2, PSEUDO_BTF_ID = 3, PSEUDO_FUNC = 4;
    public static final int PSEUDO_CALL = 1, PSEUDO_KFUNC_CALL = 2;

    public static final int R0 = 0, R1 = 1, R2 = 2, R3 = 3, R4 = 4, R5 = 5,
            R6 = 6, R7 = 7, R8 = 8, R9 = 9, R10 = 10;

    public static int cls(int opcode) { return opcode & 0x07; }
    public static int op(int opcode) { return opcode & 0xf0; }
    public static int source(int opcode) { return opcode & 0x08; }
    public static int size(int opcode) { return opcode & 0x18; }
    public static int mode(int opcode) { return opcode & 0xe0; }

    public static int sizeBytes(int opcode) {
        switch (size(opcode)) {
            case W: return 4;
            case H: return 2;
            case B: return 1;
            default: return 8;
        }
    }

    public static int sizeFor(int bytes) {
        switch (bytes) {
            case 1: return B;
            case 2: return H;
            case 4: return W;
            case 8: return DW;
            default: throw new IllegalArgumentException("no BPF access size of " + bytes + " bytes");
        }
    }

    /** The jump operation that holds exactly when {@code jop} does not, or -1 (JSET has no inverse jump). */
    public static int inverseJump(int jop) {
        switch (jop) {
            case JEQ: return JNE;
            case JNE: return JEQ;
            case JGT: return JLE;
            case JLE: return JGT;
            case JGE: return JLT;
            case JLT: return JGE;
            case JSGT: return JSLE;
            case JSLE: return JSGT;
            case JSGE: return JSLT;
            case JSLT: return JSGE;
            default: return -1;
        }
    }

    public static boolean isAlu(int opcode) { int c = cls(opcode); return c == ALU || c == ALU64; }
    public static boolean isJump(int opcode) { int c = cls(opcode); return c == JMP || c == JMP32; }
}
