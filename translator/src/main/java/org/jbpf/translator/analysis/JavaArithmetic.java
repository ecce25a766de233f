package org.jbpf.translator.analysis;

import static org.objectweb.asm.Opcodes.*;

import org.jbpf.core.asm.AluSemantics;
import org.jbpf.core.asm.Opcodes;

/**
 * Java's integer binary operations (IADD..LXOR) as BPF ALU operations: the BPF operation, width and signedness of
 * each, and their value on constants, computed by core's {@link AluSemantics} so the analysis folds exactly what the
 * lowered instruction would compute. The analysis and the lowering both read this one mapping.
 */
public final class JavaArithmetic {
    private JavaArithmetic() {}

    /** True for the binary arithmetic, shift and bitwise opcodes of int and long. */
    public static boolean isBinary(int op) { return op >= IADD && op <= LXOR && bpfOp(op) >= 0; }

    public static boolean isLong(int op) {
        switch (op) {
            case LADD: case LSUB: case LMUL: case LDIV: case LREM: case LSHL: case LSHR: case LUSHR: case LAND: case LOR: case LXOR: return true;
            default: return false;
        }
    }

    /** Java's / and % are signed; BPF marks that with offset {@link AluSemantics#SIGNED}. */
    public static boolean isSigned(int op) { return op == IDIV || op == LDIV || op == IREM || op == LREM; }

    /** The BPF ALU operation of a Java binary opcode, or -1 (float and double operations have none). */
    public static int bpfOp(int op) {
        switch (op) {
            case IADD: case LADD: return Opcodes.ADD;
            case ISUB: case LSUB: return Opcodes.SUB;
            case IMUL: case LMUL: return Opcodes.MUL;
            case IDIV: case LDIV: return Opcodes.DIV;
            case IREM: case LREM: return Opcodes.MOD;
            case ISHL: case LSHL: return Opcodes.LSH;
            case ISHR: case LSHR: return Opcodes.ARSH;
            case IUSHR: case LUSHR: return Opcodes.RSH;
            case IAND: case LAND: return Opcodes.AND;
            case IOR: case LOR: return Opcodes.OR;
            case IXOR: case LXOR: return Opcodes.XOR;
            default: return -1;
        }
    }

    /**
     * The value of {@code x op b} when both are constants, as Java defines it (an int result sign-extended), else null.
     * Division by zero is not folded: Java throws there, and the analysis reports a constant zero divisor itself.
     */
    static Long fold(int op, Value x, Value b) {
        Long p = ((Value.Scalar) x).constant(), q = ((Value.Scalar) b).constant();
        if (p == null || q == null) return null;
        boolean wide = isLong(op);
        int aop = bpfOp(op);
        if ((aop == Opcodes.DIV || aop == Opcodes.MOD) && (wide ? q == 0 : (int) (long) q == 0)) return null;
        long r = AluSemantics.eval((wide ? Opcodes.ALU64 : Opcodes.ALU) | aop | Opcodes.X, isSigned(op) ? AluSemantics.SIGNED : 0, 0, p, q);
        return wide ? r : (long) (int) r;
    }
}
