package org.jbpf.translator.frontend;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.jbpf.translator.TranslationException;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.*;

/**
 * Checks the shape of a method's bytecode before it is analysed: descriptors parse, every local variable index fits
 * {@code max_locals}, and the operand stack never underflows, never exceeds {@code max_stack} and has one height
 * wherever paths meet. javac's output always passes; a damaged or hand-made class file gets a clear error naming the
 * instruction instead of failing somewhere deep inside the translator.
 */
public final class BytecodeShape {
    private BytecodeShape() {}

    /** Slots popped and pushed by each opcode whose effect does not depend on an operand; -1 where it does. */
    private static final int[] POPS = new int[256], PUSHES = new int[256];

    static {
        Arrays.fill(POPS, -1);
        Arrays.fill(PUSHES, -1);
        effect(0, 0, NOP);
        effect(0, 1, ACONST_NULL, ICONST_M1, ICONST_0, ICONST_1, ICONST_2, ICONST_3, ICONST_4, ICONST_5, FCONST_0, FCONST_1,
                FCONST_2, BIPUSH, SIPUSH, ILOAD, FLOAD, ALOAD, NEW);
        effect(0, 2, LCONST_0, LCONST_1, DCONST_0, DCONST_1, LLOAD, DLOAD);
        effect(2, 1, IALOAD, FALOAD, AALOAD, BALOAD, CALOAD, SALOAD, IADD, FADD, ISUB, FSUB, IMUL, FMUL, IDIV, FDIV, IREM, FREM,
                ISHL, ISHR, IUSHR, IAND, IOR, IXOR, FCMPL, FCMPG);
        effect(2, 2, LALOAD, DALOAD, LNEG, DNEG, L2D, D2L);
        effect(1, 0, ISTORE, FSTORE, ASTORE, POP, IFEQ, IFNE, IFLT, IFGE, IFGT, IFLE, IFNULL, IFNONNULL, TABLESWITCH, LOOKUPSWITCH,
                IRETURN, FRETURN, ARETURN, ATHROW, MONITORENTER, MONITOREXIT);
        effect(2, 0, LSTORE, DSTORE, POP2, IF_ICMPEQ, IF_ICMPNE, IF_ICMPLT, IF_ICMPGE, IF_ICMPGT, IF_ICMPLE, IF_ACMPEQ, IF_ACMPNE,
                LRETURN, DRETURN);
        effect(3, 0, IASTORE, FASTORE, AASTORE, BASTORE, CASTORE, SASTORE);
        effect(4, 0, LASTORE, DASTORE);
        effect(1, 2, DUP, I2L, I2D, F2L, F2D);
        effect(2, 3, DUP_X1);
        effect(3, 4, DUP_X2);
        effect(2, 4, DUP2);
        effect(3, 5, DUP2_X1);
        effect(4, 6, DUP2_X2);
        effect(2, 2, SWAP);
        effect(4, 2, LADD, DADD, LSUB, DSUB, LMUL, DMUL, LDIV, DDIV, LREM, DREM, LAND, LOR, LXOR);
        effect(3, 2, LSHL, LSHR, LUSHR);
        effect(1, 1, INEG, FNEG, I2F, F2I, I2B, I2C, I2S, ANEWARRAY, NEWARRAY, ARRAYLENGTH, CHECKCAST, INSTANCEOF);
        effect(2, 1, L2I, L2F, D2I, D2F);
        effect(4, 1, LCMP, DCMPL, DCMPG);
        effect(0, 0, GOTO, RETURN, IINC);
        effect(0, 1, JSR);
        effect(0, 0, RET);
    }

    private static void effect(int pops, int pushes, int... opcodes) {
        for (int op : opcodes) if (op >= 0) { POPS[op] = pops; PUSHES[op] = pushes; }
    }

    /** Throws a {@link TranslationException} at the first instruction that breaks the rules above. */
    public static void check(MethodCode a) {
        MethodNode m = a.method;
        Type[] args = descriptor(a, -1, m.desc);
        int argSlots = (m.access & ACC_STATIC) != 0 ? 0 : 1;
        for (Type t : args) argSlots += t.getSize();
        if (argSlots > m.maxLocals)
            throw a.error(-1, "method " + m.name + m.desc + " declares max_locals " + m.maxLocals + ", fewer than its parameters need;"
                    + " the class file is damaged: recompile it with javac");
        AbstractInsnNode[] insns = a.insns;
        if (insns.length == 0) throw a.error(-1, "method " + m.name + m.desc + " has no code (abstract or native methods cannot be translated)");
        int[] height = new int[insns.length];
        Arrays.fill(height, -1);
        Deque<Integer> work = new ArrayDeque<>();
        reach(a, 0, 0, height, work);
        while (!work.isEmpty()) {
            int i = work.pop();
            AbstractInsnNode in = insns[i];
            int h = height[i];
            int op = in.getOpcode();
            if (op < 0) { reach(a, i + 1, h, height, work); continue; }
            int pops = POPS[op], pushes = PUSHES[op];
            if (in instanceof MethodInsnNode mi) {
                named(a, i, mi.owner, mi.name);
                pops = op == INVOKESTATIC ? 0 : 1;
                for (Type t : descriptor(a, i, mi.desc)) pops += t.getSize();
                pushes = Type.getReturnType(mi.desc).getSize();
            } else if (in instanceof InvokeDynamicInsnNode id) {
                pops = 0;
                for (Type t : descriptor(a, i, id.desc)) pops += t.getSize();
                pushes = Type.getReturnType(id.desc).getSize();
            } else if (in instanceof FieldInsnNode fi) {
                named(a, i, fi.owner, fi.name);
                int size = fieldType(a, i, fi.desc).getSize();
                pops = op == GETSTATIC ? 0 : op == PUTSTATIC ? size : op == GETFIELD ? 1 : 1 + size;
                pushes = op == GETSTATIC || op == GETFIELD ? size : 0;
            } else if (in instanceof LdcInsnNode ldc) {
                if (ldc.cst == null) throw a.error(i, "ldc without a constant; the class file is damaged");
                pops = 0;
                pushes = ldc.cst instanceof Long || ldc.cst instanceof Double ? 2 : 1;
            } else if (in instanceof MultiANewArrayInsnNode ma) {
                pops = ma.dims;
                pushes = 1;
            } else if (in instanceof TypeInsnNode ti) {
                named(a, i, ti.desc, "type");
            }
            if (pops < 0) throw a.error(i, "unknown opcode " + op + "; the class file is damaged");
            if (in instanceof VarInsnNode v) local(a, i, v.var + (op == LLOAD || op == DLOAD || op == LSTORE || op == DSTORE ? 1 : 0));
            if (in instanceof IincInsnNode inc) local(a, i, inc.var);
            if (pops > h)
                throw a.error(i, "instruction " + i + " of " + m.name + " takes " + pops + " stack slots but only " + h
                        + " are there; the class file is damaged: recompile it with javac");
            int after = h - pops + pushes;
            if (after > m.maxStack)
                throw a.error(i, "instruction " + i + " of " + m.name + " grows the operand stack to " + after + " slots, beyond max_stack "
                        + m.maxStack + "; the class file is damaged: recompile it with javac");
            if (in instanceof JumpInsnNode j) {
                reach(a, m.instructions.indexOf(j.label), after, height, work);
                if (op != GOTO && op != JSR) reach(a, i + 1, after, height, work);
            } else if (in instanceof TableSwitchInsnNode t) {
                reach(a, m.instructions.indexOf(t.dflt), after, height, work);
                for (LabelNode l : t.labels) reach(a, m.instructions.indexOf(l), after, height, work);
            } else if (in instanceof LookupSwitchInsnNode t) {
                reach(a, m.instructions.indexOf(t.dflt), after, height, work);
                for (LabelNode l : t.labels) reach(a, m.instructions.indexOf(l), after, height, work);
            } else {
                boolean ends = (op >= IRETURN && op <= RETURN) || op == ATHROW || op == RET;
                if (!ends) reach(a, i + 1, after, height, work);
            }
        }
    }

    /**
     * Checks what every later step takes for granted of a parsed class: names are present and every method, field and
     * member-reference descriptor parses. {@code what} names the class in the error.
     */
    static void checkClass(ClassNode cn, String what) {
        String file = cn.sourceFile != null ? cn.sourceFile : what;
        if (cn.name == null || cn.name.isEmpty()) throw damaged(file, what + " has no class name");
        for (FieldNode f : cn.fields)
            if (f.name == null || !validField(f.desc)) throw damaged(file, "field " + f.name + " of " + cn.name + " has the invalid descriptor \"" + f.desc + "\"");
        for (MethodNode m : cn.methods) {
            if (m.name == null || !validMethod(m.desc)) throw damaged(file, "method " + m.name + " of " + cn.name + " has the invalid descriptor \"" + m.desc + "\"");
            for (AbstractInsnNode in : m.instructions) {
                boolean ok = true;
                if (in instanceof MethodInsnNode mi) ok = mi.owner != null && mi.name != null && validOwner(mi.owner) && validMethod(mi.desc);
                else if (in instanceof FieldInsnNode fi) ok = fi.owner != null && fi.name != null && validOwner(fi.owner) && validField(fi.desc);
                else if (in instanceof TypeInsnNode ti) ok = ti.desc != null && validOwner(ti.desc);
                else if (in instanceof InvokeDynamicInsnNode id) ok = validMethod(id.desc);
                if (!ok) throw damaged(file, "method " + m.name + " of " + cn.name + " refers to a member with an invalid owner, name or descriptor");
            }
        }
    }

    private static TranslationException damaged(String file, String message) {
        return new TranslationException(file, -1, message + "; the class file is damaged: recompile it with javac");
    }

    private static boolean validMethod(String desc) {
        try {
            if (desc == null || desc.isEmpty() || desc.charAt(0) != '(') return false;
            Type t = Type.getMethodType(desc);
            for (Type a : t.getArgumentTypes()) if (!validField(a.getDescriptor()) || a.getSort() == Type.VOID) return false;
            Type r = t.getReturnType();
            return r.getSort() == Type.VOID || validField(r.getDescriptor());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean validField(String desc) {
        if (desc == null || desc.isEmpty()) return false;
        int i = 0;
        while (i < desc.length() && desc.charAt(i) == '[') i++;
        if (i >= desc.length()) return false;
        char c = desc.charAt(i);
        if (c == 'L') return desc.endsWith(";") && desc.indexOf(';') == desc.length() - 1 && desc.length() - i > 2;
        return "ZBCSIJFD".indexOf(c) >= 0 && i == desc.length() - 1;
    }

    /** An internal class name or an array descriptor, as owners and type operands are written. */
    private static boolean validOwner(String owner) {
        if (owner.isEmpty()) return false;
        if (owner.charAt(0) == '[') return validField(owner);
        return owner.indexOf(';') < 0 && owner.indexOf('[') < 0;
    }

    private static void reach(MethodCode a, int to, int h, int[] height, Deque<Integer> work) {
        if (to < 0) throw a.error(-1, "a jump in " + a.method.name + " leads to a label outside the method; the class file is damaged");
        if (to >= height.length) throw a.error(height.length - 1, "code falls off the end of method " + a.method.name);
        if (height[to] == -1) {
            height[to] = h;
            work.push(to);
        } else if (height[to] != h) {
            throw a.error(to, "the operand stack holds " + height[to] + " slots on one path into instruction " + to + " of "
                    + a.method.name + " and " + h + " on another; the class file is damaged: recompile it with javac");
        }
    }

    private static void local(MethodCode a, int i, int lastSlot) {
        if (lastSlot < 0 || lastSlot >= a.method.maxLocals)
            throw a.error(i, "instruction " + i + " of " + a.method.name + " uses local variable slot " + lastSlot + " but max_locals is "
                    + a.method.maxLocals + "; the class file is damaged: recompile it with javac");
    }

    private static void named(MethodCode a, int i, String owner, String name) {
        if (owner == null || name == null || owner.isEmpty() || name.isEmpty())
            throw a.error(i, "instruction " + i + " of " + a.method.name + " refers to a member without an owner or name; the class file is damaged");
    }

    private static Type[] descriptor(MethodCode a, int i, String desc) {
        try {
            if (desc == null || desc.isEmpty() || desc.charAt(0) != '(') throw new IllegalArgumentException();
            Type t = Type.getMethodType(desc);
            Type[] args = t.getArgumentTypes();
            t.getReturnType();
            return args;
        } catch (RuntimeException e) {
            throw a.error(i, "invalid method descriptor \"" + desc + "\" in " + a.method.name + "; the class file is damaged");
        }
    }

    private static Type fieldType(MethodCode a, int i, String desc) {
        try {
            Type t = Type.getType(desc);
            if (t.getSort() == Type.METHOD) throw new IllegalArgumentException();
            return t;
        } catch (RuntimeException e) {
            throw a.error(i, "invalid field descriptor \"" + desc + "\" in " + a.method.name + "; the class file is damaged");
        }
    }
}
