package org.jbpf.translator.lower;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;

/**
 * Recognises javac's update of an array element in place ({@code a[i]++}, {@code a[i] += n}): {@code DUP2}, the load,
 * arithmetic on constants and locals only, and the store to the same element. Such a load and store share one
 * bounds check; out of range, the whole update does nothing, which is what the load reading 0 and the store doing
 * nothing give, since nothing else sees the value in between.
 */
final class UpdateInPlace {
    private UpdateInPlace() {}

    /** The index of the store that completes the update whose array load is at {@code load}, or -1. */
    static int storeOf(BodyLowering body, int load) {
        AbstractInsnNode[] insns = body.a.insns;
        if (previousReal(insns, load) != DUP2) return -1;
        int depth = 1;   // the loaded value on top of the array and index the store takes
        for (int k = body.nextReal(load); k >= 0; k = body.nextReal(k)) {
            int op = insns[k].getOpcode();
            if (op == insns[load].getOpcode() - IALOAD + IASTORE) return depth == 1 ? k : -1;
            int effect = effect(insns[k]);
            if (effect == Integer.MIN_VALUE) return -1;
            depth += effect;
            if (depth < 1) return -1;
        }
        return -1;
    }

    private static int previousReal(AbstractInsnNode[] insns, int i) {
        for (int k = i - 1; k >= 0; k--) if (insns[k].getOpcode() >= 0) return insns[k].getOpcode();
        return -1;
    }

    /** How many values a side-effect-free instruction leaves on the stack, or MIN_VALUE for any other instruction. */
    private static int effect(AbstractInsnNode in) {
        switch (in.getOpcode()) {
            case ICONST_M1: case ICONST_0: case ICONST_1: case ICONST_2: case ICONST_3: case ICONST_4: case ICONST_5:
            case LCONST_0: case LCONST_1: case BIPUSH: case SIPUSH: case ILOAD: case LLOAD:
                return 1;
            case LDC: return ((LdcInsnNode) in).cst instanceof Integer || ((LdcInsnNode) in).cst instanceof Long ? 1 : Integer.MIN_VALUE;
            case IADD: case LADD: case ISUB: case LSUB: case IMUL: case LMUL: case IDIV: case LDIV: case IREM: case LREM:
            case ISHL: case LSHL: case ISHR: case LSHR: case IUSHR: case LUSHR: case IAND: case LAND: case IOR: case LOR:
            case IXOR: case LXOR:
                return -1;
            case INEG: case LNEG: case I2L: case L2I: case I2B: case I2C: case I2S:
                return 0;
            default: return Integer.MIN_VALUE;
        }
    }
}
