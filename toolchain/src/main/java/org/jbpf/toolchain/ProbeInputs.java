package org.jbpf.toolchain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jbpf.core.obj.ObjectFiles;
import org.jbpf.translator.Translator;
import org.jbpf.translator.frontend.ClassFileCheck;

/**
 * Finds probe classes in the inputs of a command (class files, directories, jars, or class names on a class path)
 * and serves class bytes to the translator from the same places.
 */
public final class ProbeInputs {
    public final List<byte[]> probes = new ArrayList<>();
    /** Binary names of classes found with {@code @Section} methods but no {@code @Bpf}: probably a forgotten annotation. */
    public final List<String> unannotated = new ArrayList<>();
    /**
     * Class files found in the input directories and jars that jbpf cannot read (damaged, truncated, compiled for a
     * newer Java), so whether they hold a probe is unknown: each the warning to print, its path first (a jar's as
     * {@code jar!entry}).
     */
    public final List<String> unreadable = new ArrayList<>();
    /** How many class files the input directories and jars held, read to find the probes among them. */
    private int searched;
    final List<Path> roots = new ArrayList<>();
    final List<Path> jars = new ArrayList<>();

    public static ProbeInputs of(List<String> inputs, List<Path> classpath) throws IOException {
        ProbeInputs in = new ProbeInputs();
        for (Path p : classpath) (p.toString().endsWith(".jar") && !Files.isDirectory(p) ? in.jars : in.roots).add(p);
        for (String s : inputs) {
            Path p = Path.of(s);
            if (Files.isDirectory(p)) {
                in.roots.add(p);
                try (Stream<Path> files = Files.walk(p)) {
                    for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class") && Files.isRegularFile(f))::iterator) {
                        in.sort(bytesOf(f), f.toString());
                    }
                }
            } else if (s.endsWith(".jar") && Files.isRegularFile(p)) {
                in.jars.add(p);
                try (ZipFile z = new ZipFile(p.toFile())) {
                    for (ZipEntry e : java.util.Collections.list(z.entries())) {
                        if (!e.getName().endsWith(".class")) continue;
                        try (InputStream is = z.getInputStream(e)) {
                            in.sort(is.readAllBytes(), p + "!" + e.getName());
                        }
                    }
                } catch (java.util.zip.ZipException e) {
                    throw notAJar(p, e);
                }
            } else if (s.endsWith(".class") && Files.isRegularFile(p)) {
                byte[] b = ClassFileCheck.readable(bytesOf(p), s);
                in.probes.add(b);
                Path root = rootOf(p, b);
                if (root != null) in.roots.add(root);
            } else if ((s.endsWith(".class") || s.endsWith(".jar") || s.endsWith(".o") || s.contains("/")) && !Files.exists(p)) {
                throw new IllegalArgumentException(s + ": no such file or directory");
            } else if (!Files.exists(p)) {
                byte[] b = in.find(s.replace('.', '/'));
                if (b == null) throw new IllegalArgumentException("class " + s + " not found on the class path " + classpath);
                in.probes.add(ClassFileCheck.readable(b, "class " + s));
            } else if (ObjectFiles.onBpffs(p)) {
                throw new IllegalArgumentException(s + ": a pinned BPF object, not a probe; print a pinned map with jbpf map dump " + s);
            } else {
                throw new IllegalArgumentException(s + ": not a .class file, directory, jar or class name"
                        + (s.endsWith(".o") ? "; a .o is translated already: give it to jbpf run, verify or disasm" : ""));
            }
        }
        return in;
    }

    /**
     * A file's bytes through a plain file stream: Files.readAllBytes goes through a file channel and a direct buffer,
     * whose first use sets up NIO's buffer accounting, about 2 ms of a cold command (Toolchain.write avoids it too).
     */
    static byte[] bytesOf(Path file) throws IOException {
        try (InputStream in = new java.io.FileInputStream(file.toFile())) {
            return in.readAllBytes();
        } catch (java.io.FileNotFoundException e) {
            // its message is "<path> (<reason>)": say the reason after the path as the other input errors do
            String m = String.valueOf(e.getMessage());
            int open = m.lastIndexOf(" (");
            String reason = open >= 0 && m.endsWith(")") ? m.substring(open + 2, m.length() - 1) : m;
            throw new IllegalArgumentException(file + ": cannot read it (" + reason.toLowerCase(java.util.Locale.ROOT) + ")");
        }
    }

    /**
     * Probes whose objects would be written over one another in {@code dir} (classes of one simple name in different
     * packages: an object is named after its class's simple name), as the error to give before anything is written;
     * null when every probe has an object file of its own.
     */
    public String clashingObjects(Path dir) {
        Map<String, String> bySimpleName = new HashMap<>();
        for (byte[] probe : probes) {
            String name = new org.objectweb.asm.ClassReader(probe).getClassName();
            String simple = name.substring(name.lastIndexOf('/') + 1);
            String other = bySimpleName.putIfAbsent(simple, name);
            if (other != null && !other.equals(name))
                return other.replace('/', '.') + " and " + name.replace('/', '.') + " would both be written as " + dir.resolve(simple + ".o")
                        + "; translate them one at a time into different output directories, or rename one";
        }
        return null;
    }

    /** Why a class found with {@code @Section} methods but no {@code @Bpf} is not translated, and what to add. */
    public static String missingBpf(String className) {
        return className + " has @Section methods but no @Bpf annotation, so it is not translated; add @Bpf(license = \"GPL\") to the class";
    }

    /**
     * Throws, naming {@code inputs}, what they held and what makes a class a probe, when they hold no probe; the
     * commands that need one call it after printing the warnings about the classes they skipped.
     */
    public void requireProbes(List<String> inputs) {
        if (!probes.isEmpty()) return;
        String held = searched == 0 ? "it holds no class files" : (searched == 1 ? "1 class file" : searched + " class files") + ", none annotated @Bpf";
        throw new IllegalArgumentException("no @Bpf probe classes in " + String.join(" ", inputs) + " (" + held + "); a probe is a class annotated @Bpf(license = \"GPL\") whose static methods carry @Section");
    }

    /** Directory a class file's package starts in, so its struct classes are found beside it. */
    private static Path rootOf(Path classFile, byte[] bytes) {
        String name = new org.objectweb.asm.ClassReader(bytes).getClassName();
        Path root = classFile.toAbsolutePath().getParent();
        for (int k = name.indexOf('/'); k >= 0 && root != null; k = name.indexOf('/', k + 1)) root = root.getParent();
        return root;
    }

    public static boolean isProbe(byte[] classFile) { return Annotations.of(classFile).bpf(); }

    private void sort(byte[] classFile, String origin) {
        searched++;
        Annotations a = Annotations.of(classFile);
        if (a.bpf()) probes.add(ClassFileCheck.readable(classFile, origin));
        else if (a.sections()) unannotated.add(a.className());
        else if (a.className() == null) unreadable.add(origin + ": " + skipped(classFile));
    }

    /** Why a class file nobody can read is skipped: a newer Java's named as such, any other as not valid. */
    private static String skipped(byte[] classFile) {
        String why = ClassFileCheck.problem(classFile);
        return why != null && why.startsWith("compiled for a newer Java") ? why + "; skipped"
                : "not a valid class file, skipped; compile it again with javac";
    }

    /** Whether a class carries {@code @Bpf} and whether any of its methods carries {@code @Section}; no name when unreadable. */
    private record Annotations(String className, boolean bpf, boolean sections) {
        static Annotations of(byte[] classFile) {
            try {
                org.objectweb.asm.ClassReader reader = new org.objectweb.asm.ClassReader(classFile);
                boolean[] found = {false, false};
                reader.accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
                    @Override public org.objectweb.asm.AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                        if (desc.equals("Lorg/jbpf/Bpf;")) found[0] = true;
                        return null;
                    }

                    @Override public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                        return new org.objectweb.asm.MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
                            @Override public org.objectweb.asm.AnnotationVisitor visitAnnotation(String d, boolean visible) {
                                if (d.equals("Lorg/jbpf/Section;")) found[1] = true;
                                return null;
                            }
                        };
                    }
                }, org.objectweb.asm.ClassReader.SKIP_CODE);
                return new Annotations(reader.getClassName().replace('/', '.'), found[0], found[1]);
            } catch (RuntimeException notAClass) {
                return new Annotations(null, false, false);
            }
        }
    }

    /**
     * Class bytes by internal name, from the inputs' directories and jars, then from the class path jbpf runs with.
     * Each class is read once: the translator and the marks after it ask for the same ones. A damaged file of the
     * inputs is an IOException naming that file, which the translator reports beside the class it wanted; the check's
     * parse is the translator's first.
     */
    public Translator.ClassSource source() {
        if (source == null) source = new ReadOnce();
        return source;
    }

    private Translator.ClassSource source;

    /** The class source of {@link #source()}: each class looked up once, its bytes (or its absence) kept. */
    private final class ReadOnce implements Translator.ClassSource {
        private final Map<String, byte[]> read = new HashMap<>();

        @Override public byte[] read(String internalName) throws IOException {
            if (read.containsKey(internalName)) return read.get(internalName);
            byte[] bytes;
            try {
                bytes = find(internalName);
            } catch (IllegalArgumentException damaged) {  // the translator says which class it wanted; this, which file
                throw new IOException(damaged.getMessage());
            }
            read.put(internalName, bytes);
            return bytes;
        }
    }

    /** The class's bytes from the inputs' directories and jars, then the class path jbpf runs with; null when none has it. */
    private byte[] find(String name) throws IOException {
        for (Path r : roots) {
            Path f;
            try {
                f = r.resolve(name + ".class");
            } catch (java.nio.file.InvalidPathException e) {
                return null;  // a name no file can have (a damaged class can ask for anything): not there
            }
            if (Files.isRegularFile(f)) return ClassFileCheck.readable(bytesOf(f), f.toString());
        }
        for (Path j : jars) {
            if (!Files.exists(j)) continue;  // as the JVM's class path, which passes over what is not there
            try (ZipFile z = new ZipFile(j.toFile())) {
                ZipEntry e = z.getEntry(name + ".class");
                if (e != null) try (InputStream is = z.getInputStream(e)) { return ClassFileCheck.readable(is.readAllBytes(), j + "!" + e.getName()); }
            } catch (java.util.zip.ZipException e) {
                throw notAJar(j, e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ClassLoader fallback = ProbeInputs.class.getClassLoader();
        try (InputStream in = (fallback != null ? fallback : ClassLoader.getSystemClassLoader()).getResourceAsStream(name + ".class")) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** A file given as a jar that is no zip file (or a damaged one), as one line naming it. */
    private static IllegalArgumentException notAJar(Path j, java.util.zip.ZipException e) {
        return new IllegalArgumentException(j + ": not a readable jar (" + e.getMessage() + "); give a jar built by jar or Maven, or a "
                + "directory of classes");
    }
}
