package org.jbpf.it.semantics;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Writes a whole random probe class with ASM, no javac involved: maps {@code in} (2 longs) and {@code out} (1 long),
 * an XDP program {@code run} that stores {@code f(in[0], in[1])}, and {@code f} with static helpers
 * ({@link RandomBytecode}) of up to ten parameters of every integral type and results of every integral type. Frames
 * are computed by ASM, which needs no class loaded: the only references the methods merge are the map and null. The
 * same seed gives the same bytes; the JVM runs and verifies the very same class as the reference.
 */
final class AsmProbeClass {
    static final String MAP = "Lorg/jbpf/maps/ArrayMap;";
    /** The name of the array map of four longs that programs with map calls read and write. */
    static final String CELLS = "cells";
    private static final String TYPES = "IJSBCZ";

    private AsmProbeClass() {}

    /** The class file of {@code name} (internal form, e.g. {@code gen/P3}) for generator seed {@code seed}. */
    static byte[] write(String name, long seed) { return write(name, seed, false); }

    /** The same; with {@code cells}, the class also has the map {@code cells} that the methods read and write. */
    static byte[] write(String name, long seed, boolean cells) {
        Random random = new Random(seed);
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) { return a.equals(b) ? a : "java/lang/Object"; }
        };
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object", null);
        AnnotationVisitor bpf = cw.visitAnnotation("Lorg/jbpf/Bpf;", true);
        bpf.visit("license", "GPL");
        bpf.visitEnd();
        String[][] maps = cells ? new String[][] {{"in", "2"}, {"out", "1"}, {CELLS, "4"}} : new String[][] {{"in", "2"}, {"out", "1"}};
        for (String[] map : maps)
            cw.visitField(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, map[0], MAP, "Lorg/jbpf/maps/ArrayMap<Ljava/lang/Long;>;", null).visitEnd();
        initializer(cw, name, maps);
        run(cw, name);
        List<RandomBytecode.Callee> callees = new ArrayList<>();
        for (int h = 0, helpers = random.nextInt(4); h < helpers; h++) {
            StringBuilder params = new StringBuilder();
            for (int p = 0, n = 1 + random.nextInt(random.nextInt(4) == 0 ? 10 : 4); p < n; p++) params.append(TYPES.charAt(random.nextInt(TYPES.length())));
            RandomBytecode.Callee callee = new RandomBytecode.Callee(name, "h" + h, params.toString(), TYPES.charAt(random.nextInt(TYPES.length())));
            MethodVisitor mv = cw.visitMethod(ACC_STATIC | (random.nextBoolean() ? ACC_PRIVATE : 0), callee.name(), callee.descriptor(), null, null);
            RandomBytecode body = new RandomBytecode(random, mv, name, callee.params(), callee.result(), 6 + random.nextInt(10), List.copyOf(callees));
            body.cells = cells;
            body.write();
            callees.add(callee);
        }
        MethodVisitor f = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "f", "(JJ)J", null, null);
        RandomBytecode body = new RandomBytecode(random, f, name, "JJ", 'J', 20 + random.nextInt(40), callees);
        body.cells = cells;
        body.write();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** The class file of {@code name} with maps, {@code run} and the {@code f(JJ)J} that {@code f} writes (frames computed). */
    static byte[] write(String name, java.util.function.Consumer<MethodVisitor> f) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) { return a.equals(b) ? a : "java/lang/Object"; }
        };
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object", null);
        AnnotationVisitor bpf = cw.visitAnnotation("Lorg/jbpf/Bpf;", true);
        bpf.visit("license", "GPL");
        bpf.visitEnd();
        for (String map : new String[] {"in", "out"})
            cw.visitField(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, map, MAP, "Lorg/jbpf/maps/ArrayMap<Ljava/lang/Long;>;", null).visitEnd();
        initializer(cw, name, new String[][] {{"in", "2"}, {"out", "1"}});
        run(cw, name);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "f", "(JJ)J", null, null);
        mv.visitCode();
        f.accept(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void initializer(ClassWriter cw, String name, String[][] maps) {
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        for (String[] map : maps) {
            mv.visitTypeInsn(NEW, "org/jbpf/maps/ArrayMap");
            mv.visitInsn(DUP);
            mv.visitLdcInsn(Type.getType(Long.class));
            mv.visitIntInsn(BIPUSH, Integer.parseInt(map[1]));
            mv.visitMethodInsn(INVOKESPECIAL, "org/jbpf/maps/ArrayMap", "<init>", "(Ljava/lang/Class;I)V", false);
            mv.visitFieldInsn(PUTSTATIC, name, map[0], MAP);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code Long a = in.lookup(0), b = in.lookup(1); if (a == null || b == null) return XDP_ABORTED; out.update(0, f(a, b)); return XDP_PASS;} */
    private static void run(ClassWriter cw, String name) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "run", "(Lorg/jbpf/XdpContext;)I", null, null);
        AnnotationVisitor section = mv.visitAnnotation("Lorg/jbpf/Section;", true);
        section.visit("value", "xdp");
        section.visitEnd();
        mv.visitCode();
        Label abort = new Label();
        for (int k = 0; k < 2; k++) {
            mv.visitFieldInsn(GETSTATIC, name, "in", MAP);
            mv.visitInsn(ICONST_0 + k);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
            mv.visitMethodInsn(INVOKEVIRTUAL, "org/jbpf/maps/ArrayMap", "lookup", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
            mv.visitTypeInsn(CHECKCAST, "java/lang/Long");
            mv.visitVarInsn(ASTORE, 1 + k);
            mv.visitVarInsn(ALOAD, 1 + k);
            mv.visitJumpInsn(IFNULL, abort);
        }
        mv.visitFieldInsn(GETSTATIC, name, "out", MAP);
        mv.visitInsn(ICONST_0);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
        for (int k = 0; k < 2; k++) {
            mv.visitVarInsn(ALOAD, 1 + k);
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Long", "longValue", "()J", false);
        }
        mv.visitMethodInsn(INVOKESTATIC, name, "f", "(JJ)J", false);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
        mv.visitMethodInsn(INVOKEVIRTUAL, "org/jbpf/maps/ArrayMap", "update", "(Ljava/lang/Object;Ljava/lang/Object;)J", false);
        mv.visitInsn(POP2);
        mv.visitInsn(ICONST_2);
        mv.visitInsn(IRETURN);
        mv.visitLabel(abort);
        mv.visitInsn(ICONST_0);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
