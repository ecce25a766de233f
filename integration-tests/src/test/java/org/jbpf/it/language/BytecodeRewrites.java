package org.jbpf.it.language;

import static org.objectweb.asm.Opcodes.*;

import java.util.Random;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites javac's class file into one that computes the same but looks as another compiler or a bytecode tool might
 * leave it: {@code nop}s and {@code goto}s to the next instruction, every local slot moved up (past 255 some of the
 * time, so loads and stores need {@code wide}), int and long constants split into two that are added, {@code x * 2} as
 * {@code dup; add}, operands of commutative operations swapped, and conditional jumps inverted around a goto. Static
 * initializers and constructors are left as they are. Frames are computed again by ASM.
 */
final class BytecodeRewrites {
    private static final int[] INVERSE = new int[256];

    static {
        int[][] pairs = {{IFEQ, IFNE}, {IFLT, IFGE}, {IFGT, IFLE}, {IF_ICMPEQ, IF_ICMPNE}, {IF_ICMPLT, IF_ICMPGE}, {IF_ICMPGT, IF_ICMPLE},
                {IF_ACMPEQ, IF_ACMPNE}, {IFNULL, IFNONNULL}};
        for (int[] p : pairs) { INVERSE[p[0]] = p[1]; INVERSE[p[1]] = p[0]; }
    }

    private final long seed;
    /** Each method's own choices, so that one method's rewrites do not depend on another's. */
    private Random random;

    /** Which rewrites, numbered as they are chosen, are made: all but for narrowing a disagreement down to a few. */
    private final java.util.function.IntPredicate made;
    private int site;

    BytecodeRewrites(long seed) { this(seed, k -> true); }

    BytecodeRewrites(long seed, java.util.function.IntPredicate made) {
        this.seed = seed;
        this.made = made;
    }

    /** Whether the rewrite just chosen is made. */
    private boolean keep() { return made.test(site++); }

    /** How many rewrites were chosen, made or not. */
    int sites() { return site; }

    /** The rewritten class file of {@code original}; {@code loader} finds classes for the frames' common superclasses. */
    byte[] rewrite(byte[] original, ClassLoader loader) {
        ClassNode node = new ClassNode();
        new ClassReader(original).accept(node, ClassReader.SKIP_FRAMES);
        for (MethodNode m : node.methods)
            if (m.instructions.size() > 0 && !m.name.startsWith("<")) rewrite(m);
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override protected ClassLoader getClassLoader() { return loader; }
        };
        node.accept(cw);
        return cw.toByteArray();
    }

    private void rewrite(MethodNode m) {
        random = new Random(seed * 31 + (m.name + m.desc).hashCode());
        moveLocals(m);
        InsnList code = m.instructions;
        java.util.Set<AbstractInsnNode> replaced = new java.util.HashSet<>();
        for (AbstractInsnNode in : code.toArray()) {
            int op = in.getOpcode();
            if (op < 0 || replaced.contains(in)) continue;
            Long constant = intConstant(in);
            AbstractInsnNode next = in.getNext();
            if (constant != null && constant == 2 && next != null && next.getOpcode() == IMUL && random.nextBoolean()) {
                if (keep()) {                                 // x * 2 as x + x
                    replaced.add(next);
                    code.set(next, new InsnNode(IADD));
                    code.set(in, new InsnNode(DUP));
                }
                continue;
            }
            if (in instanceof LdcInsnNode ldc && ldc.cst instanceof Long c && c == 2 && next != null && next.getOpcode() == LMUL && random.nextBoolean()) {
                if (keep()) {
                    replaced.add(next);
                    code.set(next, new InsnNode(LADD));
                    code.set(in, new InsnNode(DUP2));
                }
                continue;
            }
            if (constant != null && random.nextInt(3) == 0) {
                InsnList two = split(constant.intValue());
                if (keep()) {
                    code.insert(in, two);
                    code.remove(in);
                }
                continue;
            }
            if ((op == LCONST_0 || op == LCONST_1 || in instanceof LdcInsnNode l && l.cst instanceof Long) && random.nextInt(3) == 0) {
                long c = op == LCONST_0 ? 0 : op == LCONST_1 ? 1 : (Long) ((LdcInsnNode) in).cst, d = random.nextInt(2000) - 1000;
                if (keep()) {
                    InsnList two = new InsnList();
                    two.add(new LdcInsnNode(c - d));
                    two.add(new LdcInsnNode(d));
                    two.add(new InsnNode(LADD));
                    code.insert(in, two);
                    code.remove(in);
                }
                continue;
            }
            if ((op == IADD || op == IMUL || op == IAND || op == IOR || op == IXOR) && random.nextInt(3) == 0) {
                if (keep()) code.insertBefore(in, new InsnNode(SWAP));
            } else if ((op == LADD || op == LMUL || op == LAND || op == LOR || op == LXOR) && random.nextInt(3) == 0) {
                if (keep()) {
                    code.insertBefore(in, new InsnNode(DUP2_X2));   // two longs swapped: a b -> b a b -> b a
                    code.insertBefore(in, new InsnNode(POP2));
                }
            } else if (in instanceof JumpInsnNode j && INVERSE[op] != 0 && random.nextInt(4) == 0) {
                if (keep()) {
                    LabelNode over = new LabelNode();
                    InsnList inverted = new InsnList();
                    inverted.add(new JumpInsnNode(INVERSE[op], over));
                    inverted.add(new JumpInsnNode(GOTO, j.label));
                    inverted.add(over);
                    code.insert(in, inverted);
                    code.remove(in);
                }
                continue;
            }
            int extra = random.nextInt(12);
            if (extra == 0 && keep()) code.insertBefore(in, new InsnNode(NOP));
            else if (extra == 1 && keep()) {
                LabelNode next1 = new LabelNode();
                code.insertBefore(in, new JumpInsnNode(GOTO, next1));
                code.insertBefore(in, next1);
            }
        }
        m.maxStack += 2;
    }

    /** {@code c} as {@code (c - d) + d}, each in one of its encodings. */
    private InsnList split(int c) {
        int d = random.nextInt(300) - 150;
        InsnList two = new InsnList();
        two.add(pushInt(c - d));
        two.add(pushInt(d));
        two.add(new InsnNode(IADD));
        return two;
    }

    private AbstractInsnNode pushInt(int v) {
        if (v >= -1 && v <= 5 && random.nextBoolean()) return new InsnNode(ICONST_0 + v);
        if (v >= -128 && v <= 127 && random.nextBoolean()) return new IntInsnNode(BIPUSH, v);
        if (v >= -32768 && v <= 32767 && random.nextBoolean()) return new IntInsnNode(SIPUSH, v);
        return new LdcInsnNode(v);
    }

    private static Long intConstant(AbstractInsnNode in) {
        int op = in.getOpcode();
        if (op >= ICONST_M1 && op <= ICONST_5) return (long) (op - ICONST_0);
        if (op == BIPUSH || op == SIPUSH) return (long) ((IntInsnNode) in).operand;
        if (in instanceof LdcInsnNode ldc && ldc.cst instanceof Integer v) return (long) v;
        return null;
    }

    /** Moves every slot past the parameters up by one amount, sometimes past 255. */
    private void moveLocals(MethodNode m) {
        int params = (m.access & ACC_STATIC) != 0 ? 0 : 1;
        for (Type t : Type.getArgumentTypes(m.desc)) params += t.getSize();
        int by = new int[] {0, 1, 3, 254, 300}[random.nextInt(5)];
        if (by == 0 || !keep()) return;
        for (AbstractInsnNode in : m.instructions) {
            if (in instanceof VarInsnNode v && v.var >= params) v.var += by;
            if (in instanceof IincInsnNode v && v.var >= params) v.var += by;
        }
        if (m.localVariables != null) for (LocalVariableNode l : m.localVariables) if (l.index >= params) l.index += by;
        m.maxLocals += by;
    }
}
