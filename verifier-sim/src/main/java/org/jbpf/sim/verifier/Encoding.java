package org.jbpf.sim.verifier;

import static org.jbpf.core.asm.Opcodes.*;

import org.jbpf.core.asm.Insn;

/**
 * Which instruction encodings the kernel knows: the opcodes it accepts at all (checked for the whole program before
 * anything runs), and the fields each kind of instruction must leave zero (checked when the instruction is reached).
 */
final class Encoding {
    private Encoding() {}

    private static final boolean[] KNOWN = new boolean[256];

    static {
        int[] aluOps = { ADD, SUB, MUL, DIV, OR, AND, LSH, RSH, MOD, XOR, MOV, ARSH };
        for (int c : new int[] { ALU, ALU64 }) {
            for (int op : aluOps) { KNOWN[c | op | K] = true; KNOWN[c | op | X] = true; }
            KNOWN[c | NEG] = true;
        }
        KNOWN[ALU | END | TO_LE] = KNOWN[ALU | END | TO_BE] = KNOWN[ALU64 | END | TO_LE] = true;
        int[] conds = { JEQ, JGT, JGE, JSET, JNE, JSGT, JSGE, JLT, JLE, JSLT, JSLE };
        for (int c : new int[] { JMP, JMP32 })
            for (int op : conds) { KNOWN[c | op | K] = true; KNOWN[c | op | X] = true; }
        KNOWN[JMP | JA] = KNOWN[JMP32 | JA] = KNOWN[JMP | CALL] = KNOWN[JMP | EXIT] = true;
        KNOWN[JMP | 0xe0] = true; // may_goto
        for (int size : new int[] { B, H, W, DW }) {
            KNOWN[STX | ATOMIC | size] = KNOWN[STX | MEM | size] = KNOWN[ST | MEM | size] = KNOWN[LDX | MEM | size] = true;
            if (size != DW) KNOWN[LDX | MEMSX | size] = KNOWN[LD | ABS | size] = KNOWN[LD | IND | size] = true;
        }
        KNOWN[LD | IMM | DW] = true;
    }

    /** True when the kernel's instruction table has this opcode. */
    static boolean known(int opcode) { return KNOWN[opcode & 0xff]; }

    /** The kernel's complaint when {@code in} sets a field its kind of instruction must leave zero, or null. */
    static String reservedFields(Insn in) {
        int opc = in.opcode(), c = cls(opc), op = op(opc);
        boolean x = source(opc) == X;
        switch (c) {
            case ALU: case ALU64:
                if (op == NEG)
                    return x || in.src() != 0 || in.off() != 0 || in.imm() != 0 ? "BPF_NEG uses reserved fields" : null;
                if (op == END)
                    return in.src() != 0 || in.off() != 0 || (in.imm() != 16 && in.imm() != 32 && in.imm() != 64)
                            ? "BPF_END uses reserved fields" : null;
                if (op == MOV) {
                    if (!x) return in.src() != 0 || in.off() != 0 ? "BPF_MOV uses reserved fields" : null;
                    boolean width = in.off() == 0 || in.off() == 8 || in.off() == 16 || (c == ALU64 && in.off() == 32);
                    return !width || in.imm() != 0 ? "BPF_MOV uses reserved fields" : null;
                }
                boolean offOk = in.off() == 0 || (in.off() == 1 && (op == DIV || op == MOD));
                return !offOk || (x ? in.imm() != 0 : in.src() != 0) ? "BPF_ALU uses reserved fields" : null;
            case ST:
                return in.src() != 0 ? "BPF_ST uses reserved fields" : null;
            case STX:
                return mode(opc) == MEM && in.imm() != 0 ? "BPF_STX uses reserved fields" : null;
            case LD:
                if (in.isLdImm64()) return in.off() != 0 ? "BPF_LD_IMM64 uses reserved fields" : null;
                return in.dst() != 0 || in.off() != 0 || (mode(opc) == ABS && in.src() != 0)
                        ? "BPF_LD_[ABS|IND] uses reserved fields" : null;
            case JMP: case JMP32:
                if (op == CALL)
                    return (in.off() != 0 && in.src() != PSEUDO_KFUNC_CALL) || in.dst() != 0
                            || (in.src() != 0 && in.src() != PSEUDO_CALL && in.src() != PSEUDO_KFUNC_CALL)
                            ? "BPF_CALL uses reserved fields" : null;
                if (op == EXIT)
                    return in.imm() != 0 || in.src() != 0 || in.dst() != 0 ? "BPF_EXIT uses reserved fields" : null;
                if (op == JA)
                    return x || in.src() != 0 || in.dst() != 0 || (c == JMP ? in.imm() != 0 : in.off() != 0)
                            ? "BPF_JA uses reserved fields" : null;
                if (op == 0xe0) return null;
                return (x ? in.imm() != 0 : in.src() != 0) ? "BPF_JMP/JMP32 uses reserved fields" : null;
            default:
                return null;
        }
    }
}
