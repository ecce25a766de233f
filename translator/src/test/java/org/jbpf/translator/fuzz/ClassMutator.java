package org.jbpf.translator.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.*;

/**
 * Structural mutations of a class file through ASM's tree API: each one damages the class the way a broken or
 * hostile compiler might (wrong descriptors, cut-off code, jumps to the wrong place, opcodes jbpf does not support,
 * bad annotations), while still producing bytes a class reader can parse most of the time.
 */
final class ClassMutator {
    /** The kinds of mutation, each named in the fuzz statistics. */
    enum Kind {
        WRONG_METHOD_DESCRIPTOR, WRONG_CALL_DESCRIPTOR, WRONG_FIELD_DESCRIPTOR, WRONG_OWNER, TRUNCATED_CODE, DELETED_INSN,
        DUPLICATED_INSN, SWAPPED_INSNS, INVALID_JUMP, UNSUPPORTED_OPCODE, CHANGED_OPERAND, BAD_SECTION_ANNOTATION,
        BAD_MAP_DECLARATION, TRY_CATCH, SMALL_MAX_STACK, ACCESS_FLAGS
    }

    private static final String[] DESCRIPTORS = {"()V", "()J", "(I)J", "(J)I", "(Lorg/jbpf/TracepointContext;)J",
            "(Lorg/jbpf/TracepointContext;J)J", "(Ljava/lang/Object;)Ljava/lang/Object;", "([B)V", "(Ljava/lang/Long;)V",
            "(D)D", "(Lorg/jbpf/examples/Stats;)Lorg/jbpf/examples/Stats;", "(IIIIII)I", "()Ljava/lang/String;", "(Z)[B"};
    private static final String[] FIELD_DESCRIPTORS = {"I", "J", "D", "[B", "Ljava/lang/Object;", "Ljava/lang/String;",
            "Lorg/jbpf/maps/HashMap;", "Lorg/jbpf/maps/ArrayMap;", "Lorg/jbpf/maps/RingBuffer;", "Lorg/jbpf/examples/Stats;",
            "Lorg/jbpf/Nope;", "[[J"};
    private static final String[] OWNERS = {"java/lang/Object", "java/lang/String", "java/lang/Long", "org/jbpf/Helpers",
            "org/jbpf/maps/HashMap", "org/jbpf/maps/ArrayMap", "org/jbpf/examples/Stats", "org/jbpf/examples/Missing",
            "org/jbpf/TracepointContext", "java/lang/System"};
    private static final int[] UNSUPPORTED = {Opcodes.FADD, Opcodes.DADD, Opcodes.FCONST_1, Opcodes.DCONST_1, Opcodes.I2F,
            Opcodes.L2D, Opcodes.MONITORENTER, Opcodes.MONITOREXIT, Opcodes.ATHROW, Opcodes.ARRAYLENGTH, Opcodes.POP2,
            Opcodes.DUP2_X2, Opcodes.SWAP, Opcodes.LCMP, Opcodes.ACONST_NULL, Opcodes.IALOAD, Opcodes.LASTORE, Opcodes.AALOAD,
            Opcodes.IRETURN, Opcodes.RETURN, Opcodes.ARETURN, Opcodes.NOP, Opcodes.DUP, Opcodes.POP, Opcodes.IDIV, Opcodes.LREM,
            Opcodes.INEG, Opcodes.L2I, Opcodes.I2L, Opcodes.I2B, Opcodes.ICONST_0, Opcodes.LCONST_0, Opcodes.BALOAD};

    private ClassMutator() {}

    /** The mutated class file, or null when the mutation found nothing to change or ASM cannot write the result. */
    static byte[] mutate(byte[] classFile, Kind kind, Random rnd) {
        ClassNode cn = new ClassNode();
        new ClassReader(classFile).accept(cn, 0);
        if (!apply(cn, kind, rnd)) return null;
        try {
            ClassWriter w = new ClassWriter(0);
            cn.accept(w);
            return w.toByteArray();
        } catch (RuntimeException e) {
            return null;  // e.g. a label no longer in the method: not a class file anyone could produce
        }
    }

    private static boolean apply(ClassNode cn, Kind kind, Random rnd) {
        MethodNode m = cn.methods.isEmpty() ? null : pickMethod(cn, rnd);
        if (m == null) return false;
        InsnList code = m.instructions;
        List<AbstractInsnNode> real = realInsns(code);
        switch (kind) {
            case WRONG_METHOD_DESCRIPTOR -> m.desc = pick(DESCRIPTORS, rnd);
            case WRONG_CALL_DESCRIPTOR -> {
                List<MethodInsnNode> calls = of(real, MethodInsnNode.class);
                if (calls.isEmpty()) return false;
                pick(calls, rnd).desc = pick(DESCRIPTORS, rnd);
            }
            case WRONG_FIELD_DESCRIPTOR -> {
                List<FieldInsnNode> fields = of(real, FieldInsnNode.class);
                if (!fields.isEmpty() && rnd.nextBoolean()) pick(fields, rnd).desc = pick(FIELD_DESCRIPTORS, rnd);
                else if (!cn.fields.isEmpty()) pick(cn.fields, rnd).desc = pick(FIELD_DESCRIPTORS, rnd);
                else return false;
            }
            case WRONG_OWNER -> {
                List<AbstractInsnNode> refs = new ArrayList<>();
                for (AbstractInsnNode i : real) if (i instanceof MethodInsnNode || i instanceof FieldInsnNode || i instanceof TypeInsnNode) refs.add(i);
                if (refs.isEmpty()) return false;
                AbstractInsnNode i = pick(refs, rnd);
                String owner = pick(OWNERS, rnd);
                if (i instanceof MethodInsnNode mi) mi.owner = owner;
                else if (i instanceof FieldInsnNode fi) fi.owner = owner;
                else ((TypeInsnNode) i).desc = owner;
            }
            case TRUNCATED_CODE -> {
                if (real.isEmpty()) return false;
                int keep = rnd.nextInt(real.size());
                for (int k = real.size() - 1; k >= keep; k--) code.remove(real.get(k));
                dropDanglingTryCatch(m);
            }
            case DELETED_INSN -> {
                if (real.isEmpty()) return false;
                code.remove(pick(real, rnd));
            }
            case DUPLICATED_INSN -> {
                if (real.isEmpty()) return false;
                AbstractInsnNode i = pick(real, rnd);
                boolean refersToLabels = i instanceof JumpInsnNode || i instanceof TableSwitchInsnNode || i instanceof LookupSwitchInsnNode;
                code.insert(i, refersToLabels ? cloneJump(i) : i.clone(new java.util.HashMap<>()));
            }
            case SWAPPED_INSNS -> {
                if (real.size() < 2) return false;
                int at = rnd.nextInt(real.size() - 1);
                AbstractInsnNode a = real.get(at), b = real.get(at + 1);
                code.remove(a);
                code.insert(b, a);
            }
            case INVALID_JUMP -> {
                List<JumpInsnNode> jumps = of(real, JumpInsnNode.class);
                List<LabelNode> labels = of(toList(code), LabelNode.class);
                if (labels.isEmpty()) return false;
                if (!jumps.isEmpty() && rnd.nextInt(3) > 0) {
                    JumpInsnNode j = pick(jumps, rnd);
                    if (rnd.nextBoolean()) j.label = pick(labels, rnd);
                    else j.setOpcode(pick(new int[] {Opcodes.IFEQ, Opcodes.IFNULL, Opcodes.IF_ICMPLT, Opcodes.IF_ACMPEQ,
                            Opcodes.GOTO, Opcodes.IFNONNULL, Opcodes.IF_ICMPGE}, rnd));
                } else {
                    // a new jump (possibly backwards: a loop the translator must bound or reject) at a random place
                    AbstractInsnNode where = real.isEmpty() ? code.getFirst() : pick(real, rnd);
                    code.insertBefore(where, new JumpInsnNode(rnd.nextBoolean() ? Opcodes.GOTO : Opcodes.IFEQ, pick(labels, rnd)));
                }
            }
            case UNSUPPORTED_OPCODE -> {
                AbstractInsnNode where = real.isEmpty() ? code.getFirst() : pick(real, rnd);
                if (where == null) return false;
                AbstractInsnNode insn = switch (rnd.nextInt(6)) {
                    case 0 -> new TypeInsnNode(Opcodes.NEW, pick(OWNERS, rnd));
                    case 1 -> new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "hashCode", "()I", false);
                    case 2 -> new LdcInsnNode(pick(new Object[] {"text", 1.5f, 2.5d, Type.getType("Ljava/lang/String;"), 1 << 30, 1L << 40}, rnd));
                    case 3 -> new MultiANewArrayInsnNode("[[I", 2);
                    case 4 -> new IincInsnNode(rnd.nextInt(8), rnd.nextInt(200) - 100);
                    default -> new InsnNode(pick(UNSUPPORTED, rnd));
                };
                if (rnd.nextBoolean()) code.insertBefore(where, insn);
                else if (!real.isEmpty()) code.set(where, insn);
                else code.insertBefore(where, insn);
            }
            case CHANGED_OPERAND -> {
                List<AbstractInsnNode> withOperand = new ArrayList<>();
                for (AbstractInsnNode i : real)
                    if (i instanceof VarInsnNode || i instanceof IntInsnNode || i instanceof LdcInsnNode || i instanceof IincInsnNode)
                        withOperand.add(i);
                if (withOperand.isEmpty()) return false;
                AbstractInsnNode i = pick(withOperand, rnd);
                if (i instanceof VarInsnNode v) v.var = rnd.nextInt(12);
                else if (i instanceof IntInsnNode n) n.operand = pick(new int[] {0, -1, 1, 127, -128, 255, 4096, 32767, -32768, rnd.nextInt()}, rnd);
                else if (i instanceof LdcInsnNode l) l.cst = pick(new Object[] {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0L, -1L,
                        Long.MAX_VALUE, Long.MIN_VALUE, "", "%d %d %d %d %d", "x".repeat(600), Type.getType("Lorg/jbpf/examples/Stats;")}, rnd);
                else ((IincInsnNode) i).incr = rnd.nextInt(65536) - 32768;
            }
            case BAD_SECTION_ANNOTATION -> {
                List<MethodNode> annotated = new ArrayList<>();
                for (MethodNode mm : cn.methods) if (mm.visibleAnnotations != null || mm.invisibleAnnotations != null) annotated.add(mm);
                if (annotated.isEmpty()) return false;
                MethodNode a = pick(annotated, rnd);
                List<AnnotationNode> anns = a.visibleAnnotations != null ? a.visibleAnnotations : a.invisibleAnnotations;
                if (anns.isEmpty() || rnd.nextInt(4) == 0) { anns.clear(); break; }
                AnnotationNode ann = pick(anns, rnd);
                ann.values = List.of("value", pick(new Object[] {"", "tracepoint", "tracepoint/", "kprobe/x", "xdp", "socket",
                        "tracepoint/syscalls/sys_enter_nope", "uprobe/", "raw_tracepoint/", "a/b/c/d", "\0", 42}, rnd));
            }
            case BAD_MAP_DECLARATION -> {
                // the static initializer builds the maps: damage its constants and class literals
                MethodNode clinit = cn.methods.stream().filter(x -> x.name.equals("<clinit>")).findFirst().orElse(null);
                if (clinit == null) return false;
                List<AbstractInsnNode> init = realInsns(clinit.instructions);
                List<AbstractInsnNode> consts = new ArrayList<>();
                for (AbstractInsnNode i : init) if (i instanceof LdcInsnNode || i instanceof IntInsnNode || i.getOpcode() >= Opcodes.ICONST_M1 && i.getOpcode() <= Opcodes.ICONST_5) consts.add(i);
                if (consts.isEmpty()) return false;
                AbstractInsnNode c = pick(consts, rnd);
                Object v = pick(new Object[] {0, -1, Integer.MAX_VALUE, 1 << 24, Type.getType("Ljava/lang/String;"),
                        Type.getType("Ljava/lang/Double;"), Type.getType("Lorg/jbpf/examples/Stats;"), Type.getType("[B"), "name"}, rnd);
                clinit.instructions.set(c, new LdcInsnNode(v));
            }
            case TRY_CATCH -> {
                List<LabelNode> labels = of(toList(code), LabelNode.class);
                if (labels.size() < 2) return false;
                LabelNode a = pick(labels, rnd), b = pick(labels, rnd), h = pick(labels, rnd);
                m.tryCatchBlocks.add(new TryCatchBlockNode(a, b, h, rnd.nextBoolean() ? null : "java/lang/Throwable"));
            }
            case SMALL_MAX_STACK -> {
                m.maxStack = rnd.nextInt(Math.max(1, m.maxStack));
                if (rnd.nextBoolean()) m.maxLocals = rnd.nextInt(Math.max(1, m.maxLocals));
            }
            case ACCESS_FLAGS -> m.access ^= pick(new int[] {Opcodes.ACC_STATIC, Opcodes.ACC_ABSTRACT, Opcodes.ACC_NATIVE,
                    Opcodes.ACC_SYNCHRONIZED, Opcodes.ACC_PRIVATE}, rnd);
        }
        return true;
    }

    private static AbstractInsnNode cloneJump(AbstractInsnNode i) {
        if (i instanceof JumpInsnNode j) return new JumpInsnNode(j.getOpcode(), j.label);
        return new InsnNode(Opcodes.NOP);
    }

    private static void dropDanglingTryCatch(MethodNode m) {
        m.tryCatchBlocks.removeIf(t -> !m.instructions.contains(t.start) || !m.instructions.contains(t.end) || !m.instructions.contains(t.handler));
        if (m.localVariables != null)
            m.localVariables.removeIf(v -> !m.instructions.contains(v.start) || !m.instructions.contains(v.end));
    }

    /** Section methods more often than others: they are where the translator does its work. */
    private static MethodNode pickMethod(ClassNode cn, Random rnd) {
        List<MethodNode> sections = new ArrayList<>();
        for (MethodNode m : cn.methods) if (m.visibleAnnotations != null || m.invisibleAnnotations != null) sections.add(m);
        if (!sections.isEmpty() && rnd.nextInt(4) > 0) return pick(sections, rnd);
        return pick(cn.methods, rnd);
    }

    private static List<AbstractInsnNode> realInsns(InsnList code) {
        List<AbstractInsnNode> out = new ArrayList<>();
        for (AbstractInsnNode i : code) if (i.getOpcode() >= 0) out.add(i);
        return out;
    }

    private static List<AbstractInsnNode> toList(InsnList code) {
        List<AbstractInsnNode> out = new ArrayList<>();
        for (AbstractInsnNode i : code) out.add(i);
        return out;
    }

    private static <T> List<T> of(List<AbstractInsnNode> insns, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (AbstractInsnNode i : insns) if (type.isInstance(i)) out.add(type.cast(i));
        return out;
    }

    private static <T> T pick(List<T> items, Random rnd) { return items.get(rnd.nextInt(items.size())); }
    private static <T> T pick(T[] items, Random rnd) { return items[rnd.nextInt(items.length)]; }
    private static int pick(int[] items, Random rnd) { return items[rnd.nextInt(items.length)]; }
}
