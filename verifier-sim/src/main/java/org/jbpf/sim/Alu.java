package org.jbpf.sim;

import org.jbpf.core.asm.AluSemantics;

/** Concrete results of BPF arithmetic for the interpreter and the verifier's constant folding: core's {@link AluSemantics}. */
public final class Alu {
    private Alu() {}

    /** See {@link AluSemantics#eval}. */
    public static long eval(int opcode, int off, long imm, long dst, long src) { return AluSemantics.eval(opcode, off, imm, dst, src); }

    /** The immediate as an operand: sign-extended to 64 bits (the ALU32 path only uses its low half). */
    public static long immOperand(long imm) { return AluSemantics.immOperand(imm); }

    /** Whether a conditional jump is taken. */
    public static boolean jump(int opcode, long a, long b) { return AluSemantics.jumpTaken(opcode, a, b); }
}
