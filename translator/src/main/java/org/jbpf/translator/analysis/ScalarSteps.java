package org.jbpf.translator.analysis;

import static org.jbpf.translator.analysis.ValueChecks.*;
import static org.objectweb.asm.Opcodes.*;

import org.jbpf.translator.TranslationException;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;

/**
 * The analysis of numbers: constants, int and long arithmetic, conversions and comparisons, folding what is constant
 * as Java computes it. Floating point has no form in BPF and is refused here.
 */
final class ScalarSteps {
    private ScalarSteps() {}

    /** Steps {@code in}, the instruction at i, when it works on numbers; false when it is none of those. */
    static boolean step(MethodAnalysis a, int i, AbstractInsnNode in, int op, Frame f) {
        switch (op) {
            case ICONST_M1: case ICONST_0: case ICONST_1: case ICONST_2: case ICONST_3: case ICONST_4: case ICONST_5:
                f.push(new Value.Scalar(false, (long) (op - ICONST_0))); break;
            case LCONST_0: case LCONST_1: f.push(new Value.Scalar(true, (long) (op - LCONST_0))); break;
            case BIPUSH: case SIPUSH: f.push(new Value.Scalar(false, (long) ((IntInsnNode) in).operand)); break;
            case LDC: {
                Object c = ((LdcInsnNode) in).cst;
                if (c instanceof Integer n) f.push(new Value.Scalar(false, (long) n));
                else if (c instanceof Long n) f.push(new Value.Scalar(true, n));
                else if (c instanceof String s) f.push(new Value.StringConst(s));
                else if (c instanceof Type t && t.getSort() == Type.OBJECT) f.push(new Value.ClassConst(t.getInternalName()));
                else throw floats(a, i);
                break;
            }
            case FLOAD: case DLOAD: case FSTORE: case DSTORE: case FCONST_0: case FCONST_1: case FCONST_2:
            case DCONST_0: case DCONST_1:
                throw floats(a, i);
            case IADD: case ISUB: case IMUL: case IDIV: case IREM: case ISHL: case ISHR: case IUSHR: case IAND: case IOR: case IXOR:
            case LADD: case LSUB: case LMUL: case LDIV: case LREM: case LSHL: case LSHR: case LUSHR: case LAND: case LOR: case LXOR: {
                Value b = f.pop(), x = f.pop();
                scalar(a, i, b); scalar(a, i, x);
                boolean isLong = JavaArithmetic.isLong(op);
                if (op == IDIV || op == IREM || op == LDIV || op == LREM)
                    a.constantFault(i, ((Value.Scalar) b).constant() != null && ((Value.Scalar) b).constant() == 0 ? JavaText.DIVISION_BY_ZERO : null);
                f.push(new Value.Scalar(isLong, JavaArithmetic.fold(op, x, b)));
                break;
            }
            case FADD: case FSUB: case FMUL: case FDIV: case FREM: case DADD: case DSUB: case DMUL: case DDIV: case DREM:
            case FNEG: case DNEG: case I2F: case I2D: case L2F: case L2D: case F2I: case F2L: case F2D: case D2I: case D2L: case D2F:
            case FCMPL: case FCMPG: case DCMPL: case DCMPG: case FRETURN: case DRETURN:
                throw floats(a, i);
            case INEG: case LNEG: {
                Value x = f.pop(); scalar(a, i, x);
                Long c = ((Value.Scalar) x).constant();
                f.push(new Value.Scalar(op == LNEG, c == null ? null : op == LNEG ? -c : (long) -(int) (long) c));
                break;
            }
            case IINC: {
                int var = ((IincInsnNode) in).var;
                scalar(a, i, f.locals[var]);
                Long c = ((Value.Scalar) f.locals[var]).constant();
                f.locals[var] = new Value.Scalar(false, c == null ? null : (long) (int) (c + ((IincInsnNode) in).incr));
                break;
            }
            case I2L: { Value x = f.pop(); scalar(a, i, x); Long c = ((Value.Scalar) x).constant(); f.push(new Value.Scalar(true, c)); break; }
            case L2I: { Value x = f.pop(); scalar(a, i, x); Long c = ((Value.Scalar) x).constant(); f.push(new Value.Scalar(false, c == null ? null : (long) (int) (long) c)); break; }
            case I2B: case I2C: case I2S: {
                Value x = f.pop(); scalar(a, i, x); Long c = ((Value.Scalar) x).constant();
                if (c != null) c = op == I2B ? (long) (byte) (long) c : op == I2C ? (long) (char) (long) c : (long) (short) (long) c;
                f.push(new Value.Scalar(false, c));
                break;
            }
            case LCMP: {
                // two constants compare to a constant, so that "if (d != 0L) x / d" with d a constant zero decides its
                // branch as the int compare does, and the division that never runs is not refused
                Value b = f.pop(), x = f.pop();
                scalar(a, i, b); scalar(a, i, x);
                Long l = ((Value.Scalar) x).constant(), r = ((Value.Scalar) b).constant();
                f.push(new Value.Scalar(false, l != null && r != null ? (long) Long.compare(l, r) : null));
                break;
            }
            case FALOAD: case DALOAD: case FASTORE: case DASTORE: throw floats(a, i);
            default: return false;
        }
        return true;
    }

    static TranslationException floats(MethodAnalysis a, int i) {
        return a.error(i, "float and double are not supported in BPF programs; use int or long (e.g. fixed-point scaled by 1000)");
    }
}
