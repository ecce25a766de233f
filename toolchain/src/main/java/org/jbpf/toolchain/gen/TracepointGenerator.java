package org.jbpf.toolchain.gen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Generates {@code @Struct} classes for tracepoint records from the running kernel's tracefs: for
 * {@code syscalls/sys_enter_openat}, {@code <out>/<package dirs>/SysEnterOpenat.java}.
 */
public final class TracepointGenerator {
    private final Path tracefs;

    /** Reads formats from {@code tracefs} (normally /sys/kernel/tracing). */
    public TracepointGenerator(Path tracefs) { this.tracefs = tracefs; }

    public static TracepointGenerator kernel() {
        Path tracing = Path.of("/sys/kernel/tracing");
        return new TracepointGenerator(Files.isDirectory(tracing.resolve("events")) ? tracing : Path.of("/sys/kernel/debug/tracing"));
    }

    /** The parsed format of {@code category/name}, e.g. "syscalls/sys_enter_openat". */
    public TracepointFormat format(String tracepoint) {
        int slash = tracepoint.indexOf('/');
        if (slash <= 0 || slash == tracepoint.length() - 1 || tracepoint.indexOf('/', slash + 1) >= 0 || tracepoint.contains(".."))
            throw new IllegalArgumentException("tracepoint \"" + tracepoint + "\" must be written category/name, e.g. syscalls/sys_enter_openat");
        String category = tracepoint.substring(0, slash), name = tracepoint.substring(slash + 1);
        Path file = tracefs.resolve("events").resolve(category).resolve(name).resolve("format");
        try {
            return TracepointFormat.parse(category, name, Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no tracepoint " + tracepoint + " on this kernel (" + file + " does not exist; "
                    + "see " + tracefs.resolve("available_events") + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the class for {@code tracepoint} under {@code outDir} in package {@code pkg}; returns the file written. */
    public Path generate(String tracepoint, Path outDir, String pkg) {
        if (!pkg.isEmpty() && !pkg.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*"))
            throw new IllegalArgumentException("\"" + pkg + "\" is not a Java package name");
        TracepointFormat format = format(tracepoint);
        String className = TracepointStructWriter.className(format.name());
        Path dir = pkg.isEmpty() ? outDir : outDir.resolve(pkg.replace('.', '/'));
        Path file = dir.resolve(className + ".java");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, TracepointStructWriter.write(format, pkg, className));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
