package org.jbpf.it.firstprobes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jbpf.it.KernelCheck;
import org.jbpf.testsupport.GatedChild;

/**
 * The workloads of the first probes and the two ways to run a probe: a Python child that says ready, waits to be
 * let go, does a known thing and then waits for its stdin to close (so its pid, maps and symbols stay while the
 * probe's output is read); and {@code bin/jbpf run} of a probe class, which lets the child go at its "attached" line.
 */
final class Workloads {
    private Workloads() {}

    static final Path JBPF = Path.of("").toAbsolutePath().getParent().resolve("bin/jbpf");
    static final String CLASSES = Path.of("target/test-classes").toAbsolutePath().toString();

    /** A Python child that runs {@code work} (after {@code imports}) once let go. */
    static GatedChild python(String imports, String work) throws IOException {
        KernelCheck.require();
        return GatedChild.start(List.of("python3", "-c", "import os, sys\n" + imports + "\n" + GatedChild.PYTHON_GATE + work
                + "\nprint('done', flush=True)\nsys.stdin.readline()\n"));
    }

    /** The command name of a process, as the kernel keeps it (what comm() gives). */
    static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to 10 s for {@code done}. */
    static void until(BooleanSupplier done) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < end) sleep(10);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code bin/jbpf run -cp target/test-classes org.jbpf.it.firstprobes.<probe> args}, letting {@code child} go when
     * it says it attached; its stdout lines. jbpf must exit 0, and so must the child.
     */
    static List<String> run(GatedChild child, String probe, String... args) throws Exception {
        return run(child, null, probe, args);
    }

    /** {@link #run(GatedChild, String, String...)} that adds jbpf's stderr lines to {@code errors}. */
    static List<String> run(GatedChild child, List<String> errors, String probe, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JBPF.toString(), "run", "-cp", CLASSES, "org.jbpf.it.firstprobes." + probe));
        cmd.addAll(List.of(args));
        Path stderr = errors == null ? null : Files.createTempFile("jbpf-run", ".err");
        Process jbpf = new ProcessBuilder(cmd).redirectError(stderr == null ? ProcessBuilder.Redirect.INHERIT
                : ProcessBuilder.Redirect.to(stderr.toFile())).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jbpf.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("attached ")) child.go();
                lines.add(line);
            }
            assertTrue(jbpf.waitFor(60, TimeUnit.SECONDS), "jbpf run ended");
            assertEquals(0, jbpf.exitValue(), String.join("\n", lines));
        } finally {
            if (jbpf.isAlive()) {
                jbpf.destroyForcibly();
                jbpf.waitFor();
            }
            assertEquals(0, child.finish(), "the child's exit status");
            if (stderr != null) {
                errors.addAll(Files.readAllLines(stderr));
                Files.delete(stderr);
            }
        }
        return lines;
    }

    /** How many lines of the kernel's trace buffer (read, not consumed) end with {@code text}. */
    static long traceLines(String text) {
        Path trace = Files.isDirectory(Path.of("/sys/kernel/tracing/events")) ? Path.of("/sys/kernel/tracing/trace")
                : Path.of("/sys/kernel/debug/tracing/trace");
        try (java.util.stream.Stream<String> lines = Files.lines(trace)) {
            return lines.filter(l -> l.endsWith(text)).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kernel's tracing_on switch, where tracefs is mounted. */
    static Path tracingOn() {
        return Files.isDirectory(Path.of("/sys/kernel/tracing/events")) ? Path.of("/sys/kernel/tracing/tracing_on")
                : Path.of("/sys/kernel/debug/tracing/tracing_on");
    }

    /** The lines of {@code lines} that start with {@code prefix}. */
    static List<String> starting(List<String> lines, String prefix) {
        List<String> out = new ArrayList<>();
        for (String l : lines) if (l.startsWith(prefix)) out.add(l);
        return out;
    }

    /** The value column of the table row whose key is {@code key} ({@code "  1234  7"}), or -1 when there is none. */
    static long row(List<String> lines, Object key) {
        for (String l : lines) {
            String[] cols = l.trim().split("\\s+");
            if (cols.length == 2 && cols[0].equals(String.valueOf(key))) return Long.parseLong(cols[1]);
        }
        return -1;
    }
}
