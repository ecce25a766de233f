package org.jbpf.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.translator.Translator;

/**
 * Translate → verify → write, the same for the command line, the Maven plugin and the agent: a probe the verifier
 * simulation rejects is never written, so no stale or refused object is left for a later load.
 */
public final class Toolchain {
    private final Backend backend;
    private final Translator.Options options;
    private final boolean verify;
    private final SectionCheck sections;

    /** What became of one probe class: its object and, when verification ran, the simulation's verdict. */
    public record Translated(BpfObject object, ObjectVerifier.Outcome verdict) {
        /** True unless the simulation ran and rejected a program. */
        public boolean accepted() { return verdict == null || verdict.ok(); }
    }

    public Toolchain(Backend backend, Translator.Options options, boolean verify) {
        this(backend, options, verify, SectionCheck.TRACEFS_EVENTS);
    }

    /** {@code tracefsEvents}: where tracepoint names are checked (tests use a directory of their own). */
    Toolchain(Backend backend, Translator.Options options, boolean verify, Path tracefsEvents) {
        this.backend = backend;
        this.options = options;
        this.verify = verify;
        this.sections = new SectionCheck(tracefsEvents);
    }

    public Backend backend() { return backend; }

    /**
     * Checks the class's section targets, translates it (both throwing {@link org.jbpf.translator.TranslationException}
     * with the Java line) and verifies the object.
     */
    public Translated translate(byte[] classFile, Translator.ClassSource classes) {
        sections.check(classFile);
        BpfObject object = backend.translate(classFile, classes, options);
        return new Translated(object, verify ? ObjectVerifier.verify(object) : null);
    }

    /** Writes {@code object} as {@code <dir>/<name>.o}, creating the directory. */
    public static Path write(BpfObject object, Path dir) throws IOException {
        Path out = dir.resolve(object.name() + ".o");
        Files.createDirectories(dir);
        byte[] elf = ObjectWriter.write(object);
        // a plain file stream, not Files.write, whose file channel and direct buffer cost a cold command ~2 ms to set up
        try (java.io.OutputStream o = new java.io.FileOutputStream(out.toFile())) {
            o.write(elf);
        }
        return out;
    }

    /** What translate and the Maven plugin say of a written object: "wrote out/P.o (2 programs, 3 maps)". */
    public static String wrote(Path file, BpfObject object) {
        return "wrote " + file + " (" + object.programs().size() + " programs, " + object.declaredMapCount() + " maps)";
    }

    /** Removes an object a previous build wrote for a probe that is now rejected. */
    public static void removeStale(String objectName, Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(objectName + ".o"));
    }
}
