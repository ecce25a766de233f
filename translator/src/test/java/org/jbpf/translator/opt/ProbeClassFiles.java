package org.jbpf.translator.opt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/** The {@code @Bpf} classes of a directory of class files, for tests that translate every probe they find. */
public final class ProbeClassFiles {
    private ProbeClassFiles() {}

    /** The probe classes under a class directory, as binary names, sorted. */
    public static List<String> in(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class")).filter(ProbeClassFiles::isProbe)
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "")).sorted().toList();
        }
    }

    private static boolean isProbe(Path classFile) {
        boolean[] probe = {false};
        try {
            new ClassReader(Files.readAllBytes(classFile)).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                    if (desc.equals("Lorg/jbpf/Bpf;")) probe[0] = true;
                    return null;
                }
            }, ClassReader.SKIP_CODE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return probe[0];
    }
}
