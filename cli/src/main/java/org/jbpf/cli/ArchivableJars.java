package org.jbpf.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Makes jars of old class files fit for bin/jbpf's start-up archive; scripts/setup runs it on the ASM jars in
 * {@code cli/target/lib} before training. The JVM leaves class files older than Java 6 (version 50) out of CDS and
 * ahead-of-time archives, because they lack the stack map frames the fast verifier needs, so every start loaded and
 * verified ASM's Java 5 classes from the jar. Each class here is rewritten as a Java 8 class file with frames computed
 * by ASM; its code is unchanged. Other entries, and classes already version 50 or newer, are copied as they are.
 */
public final class ArchivableJars {
    private ArchivableJars() {}

    /** Rewrites each jar named in {@code args} in place. */
    public static void main(String[] args) throws IOException {
        for (String jar : args) {
            int rewritten = rewrite(Path.of(jar));
            System.out.println("archivable: " + jar + " (" + rewritten + " classes raised to Java 8)");
        }
    }

    /**
     * Rewrites {@code jar} in place (through a file beside it, then a rename) when it holds old classes; returns how
     * many classes changed.
     */
    static int rewrite(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        int changed = 0;
        try (InputStream file = Files.newInputStream(jar); ZipInputStream in = new ZipInputStream(file);
             OutputStream outFile = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(outFile)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().endsWith(".class") && version(bytes) < Opcodes.V1_6) {
                    bytes = withFrames(bytes);
                    changed++;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        // an unchanged jar keeps its time stamp, which archives made from it are checked against
        if (changed == 0) Files.delete(tmp);
        else Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return changed;
    }

    /** The major version of a class file: bytes 6-7. */
    static int version(byte[] classFile) {
        return (classFile[6] & 0xff) << 8 | classFile[7] & 0xff;
    }

    /** The class as a Java 8 class file with frames; the supertypes frames merge are found on this class path. */
    static byte[] withFrames(byte[] classFile) {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, w) {
            @Override public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return w.toByteArray();
    }
}
