package org.jbpf.translator.lower;

import static org.jbpf.core.asm.Opcodes.*;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFLE;

/** Java comparison bytecodes as BPF jump conditions, and those conditions evaluated on constants. */
public final class Conditions {
    private Conditions() {}

    public static boolean isIfZero(int op) { return op >= IFEQ && op <= IFLE; }

    /** The BPF condition of the k-th Java comparison in bytecode order (eq, ne, lt, ge, gt, le), signed. */
    public static int condOf(int k) {
        switch (k) {
            case 0: return JEQ;
            case 1: return JNE;
            case 2: return JSLT;
            case 3: return JSGE;
            case 4: return JSGT;
            default: return JSLE;
        }
    }

    public static int unsignedOf(int cond) {
        switch (cond) {
            case JSLT: return JLT;
            case JSGE: return JGE;
            case JSGT: return JGT;
            case JSLE: return JLE;
            default: return cond;
        }
    }

    /** The condition with its operands exchanged ({@code a < b} is {@code b > a}). */
    public static int swapped(int cond) {
        switch (cond) {
            case JSLT: return JSGT;
            case JSGT: return JSLT;
            case JSLE: return JSGE;
            case JSGE: return JSLE;
            case JLT: return JGT;
            case JGT: return JLT;
            case JLE: return JGE;
            case JGE: return JLE;
            default: return cond;
        }
    }

    public static boolean holds(int cond, long x, long y, boolean isLong) {
        if (!isLong) { x = (int) x; y = (int) y; }
        long ux = isLong ? x : x & 0xffffffffL, uy = isLong ? y : y & 0xffffffffL;
        switch (cond) {
            case JEQ: return x == y;
            case JNE: return x != y;
            case JSLT: return x < y;
            case JSGE: return x >= y;
            case JSGT: return x > y;
            case JSLE: return x <= y;
            case JLT: return Long.compareUnsigned(ux, uy) < 0;
            case JGE: return Long.compareUnsigned(ux, uy) >= 0;
            case JGT: return Long.compareUnsigned(ux, uy) > 0;
            case JLE: return Long.compareUnsigned(ux, uy) <= 0;
            default: return false;
        }
    }

    /** True when v fits the 32-bit immediate of an instruction of that width (a 32-bit op truncates anyway). */
    public static boolean fitsImm(long v, boolean isLong) { return !isLong || v == (int) v; }
}
