package org.jbpf.translator.analysis;

import static org.objectweb.asm.Opcodes.*;

/** Java integer arithmetic on constants, so the analysis knows values such as {@code 1 << 3} before lowering. */
final class ConstantFolding {
    private ConstantFolding() {}

    static boolean isLongOp(int op) {
        switch (op) {
            case LADD: case LSUB: case LMUL: case LDIV: case LREM: case LSHL: case LSHR: case LUSHR: case LAND: case LOR: case LXOR: return true;
            default: return false;
        }
    }

    static Long fold(int op, Value x, Value b) {
        Long p = ((Value.Scalar) x).constant(), q = ((Value.Scalar) b).constant();
        if (p == null || q == null) return null;
        long u = p, v = q;
        int iu = (int) u, iv = (int) v;
        switch (op) {
            case IADD: return (long) (iu + iv);
            case ISUB: return (long) (iu - iv);
            case IMUL: return (long) (iu * iv);
            case IDIV: return iv == 0 ? null : (long) (iu / iv);
            case IREM: return iv == 0 ? null : (long) (iu % iv);
            case ISHL: return (long) (iu << iv);
            case ISHR: return (long) (iu >> iv);
            case IUSHR: return (long) (iu >>> iv);
            case IAND: return (long) (iu & iv);
            case IOR: return (long) (iu | iv);
            case IXOR: return (long) (iu ^ iv);
            case LADD: return u + v;
            case LSUB: return u - v;
            case LMUL: return u * v;
            case LDIV: return v == 0 ? null : u / v;
            case LREM: return v == 0 ? null : u % v;
            case LSHL: return u << iv;
            case LSHR: return u >> iv;
            case LUSHR: return u >>> iv;
            case LAND: return u & v;
            case LOR: return u | v;
            case LXOR: return u ^ v;
            default: return null;
        }
    }
}
