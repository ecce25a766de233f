package org.jbpf.it;

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
import org.jbpf.testsupport.GatedChild;

/**
 * The workloads of the probe tests and the way the command line runs a probe: a Python child that says ready, waits
 * to be let go, does a known thing and then waits for its stdin to close (so its pid, maps and symbols stay while the
 * probe's output is read); and {@code bin/jbpf run} of a probe class or object, which lets the child go at its
 * "attached" line.
 */
public final class Workloads {
    private Workloads() {}

    /** The checkout's command line. */
    public static final Path JBPF = Path.of("").toAbsolutePath().getParent().resolve("bin/jbpf");
    /**
     * The class path of the probes: the tests' classes and the examples' (where the generated tracepoint records and
     * kernel types, {@code org.jbpf.examples.kernel}, live), as a user passes a probe's dependencies with {@code -cp}.
     */
    public static final String CLASSES = Path.of("target/test-classes").toAbsolutePath() + java.io.File.pathSeparator
            + Path.of("").toAbsolutePath().getParent().resolve("examples/target/classes");

    /** A Python child that runs {@code work} (after {@code imports}) once let go. */
    public static GatedChild python(String imports, String work) throws IOException {
        KernelCheck.require();
        return GatedChild.start(List.of("python3", "-c", "import os, sys\n" + imports + "\n" + GatedChild.PYTHON_GATE + work
                + "\nprint('done', flush=True)\nsys.stdin.readline()\n"));
    }

    /** The command name of a process, as the kernel keeps it (what comm() gives). */
    public static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to 10 s for {@code done}. */
    public static void until(BooleanSupplier done) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < end) sleep(10);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code bin/jbpf run -cp <test and example classes> probeClass args}, letting {@code child} go when it says it
     * attached; its stdout lines. jbpf must exit 0, and so must the child. {@code errors}, when not null, gets jbpf's
     * stderr lines (otherwise they go to the test's stderr).
     */
    public static List<String> run(GatedChild child, List<String> errors, String probeClass, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JBPF.toString(), "run", "-cp", CLASSES, probeClass));
        cmd.addAll(List.of(args));
        return jbpf(child, errors, cmd);
    }

    /**
     * Runs the command line {@code cmd} (a {@code bin/jbpf} command), letting {@code child} go at its "attached" line;
     * its stdout lines once it ended. It must exit 0 within 60 s, then so must the child.
     */
    public static List<String> jbpf(GatedChild child, List<String> errors, List<String> cmd) throws Exception {
        Path stderr = errors == null ? null : Files.createTempFile("jbpf-run", ".err");
        Process jbpf = new ProcessBuilder(cmd).redirectError(stderr == null ? ProcessBuilder.Redirect.INHERIT
                : ProcessBuilder.Redirect.to(stderr.toFile())).start();
        List<String> lines = new ArrayList<>();
        boolean ended = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jbpf.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("attached ")) child.go();
                lines.add(line);
            }
            ended = jbpf.waitFor(60, TimeUnit.SECONDS);
        } finally {
            if (jbpf.isAlive()) {
                jbpf.destroyForcibly();
                jbpf.waitFor();
            }
            int status = child.finish();
            if (stderr != null) {
                errors.addAll(Files.readAllLines(stderr));
                Files.delete(stderr);
            }
            // jbpf's own failure first: a child that was never let go fails too, and says less
            assertTrue(ended, "jbpf run ended");
            assertEquals(0, jbpf.exitValue(), String.join("\n", lines) + (errors == null ? "" : "\n" + String.join("\n", errors)));
            assertEquals(0, status, "the child's exit status");
        }
        return lines;
    }

    /** How many lines of the kernel's trace buffer (read, not consumed) end with {@code text}. */
    public static long traceLines(String text) {
        Path trace = Files.isDirectory(Path.of("/sys/kernel/tracing/events")) ? Path.of("/sys/kernel/tracing/trace")
                : Path.of("/sys/kernel/debug/tracing/trace");
        try (java.util.stream.Stream<String> lines = Files.lines(trace)) {
            return lines.filter(l -> l.endsWith(text)).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kernel's tracing_on switch, where tracefs is mounted. */
    public static Path tracingOn() {
        return Files.isDirectory(Path.of("/sys/kernel/tracing/events")) ? Path.of("/sys/kernel/tracing/tracing_on")
                : Path.of("/sys/kernel/debug/tracing/tracing_on");
    }

    /**
     * The bar chart rows of a histogram {@code run} printed, from line {@code from} to the first line that is not one
     * ({@code [64, 128)    2 |@@@@   |}), each checked for its shape.
     */
    public static List<String> chartRows(List<String> lines, int from) {
        List<String> rows = new ArrayList<>();
        for (String row : lines.subList(from, lines.size())) {
            if (!row.startsWith("[")) break;
            assertTrue(row.matches("\\[\\d+[KMG]?, \\d+[KMG]?\\) +\\d+ \\|@* *\\|"), row);
            rows.add(row);
        }
        return rows;
    }

    /** The counts of chart rows added up. */
    public static long chartTotal(List<String> rows) {
        long total = 0;
        for (String row : rows) total += Long.parseLong(row.substring(row.indexOf(')') + 1, row.indexOf('|')).trim());
        return total;
    }

    /** Lets the child go, waits for its work to end ("done"), and keeps it alive (until finish) for the reads. */
    public static void work(GatedChild child) throws Exception {
        child.go();
        child.await("done");
    }

    /** The records of {@code ring} that {@code wanted} accepts, waiting up to 10 s for {@code count} of them. */
    public static <E> List<E> records(org.jbpf.BPF bpf, org.jbpf.maps.RingBuffer ring, Class<E> type, int count,
                                      java.util.function.Predicate<E> wanted) {
        List<E> got = new ArrayList<>();
        try (org.jbpf.events.RingBufferReader<E> reader = bpf.ringBuffer(ring, type, e -> { if (wanted.test(e)) got.add(e); })) {
            until(() -> { reader.poll(10); return got.size() >= count; });
            reader.poll(10);
        }
        return got;
    }

    /** The lines of {@code lines} that start with {@code prefix}. */
    public static List<String> starting(List<String> lines, String prefix) {
        List<String> out = new ArrayList<>();
        for (String l : lines) if (l.startsWith(prefix)) out.add(l);
        return out;
    }

    /** The value column of the table row whose key is {@code key} ({@code "  1234  7"}), or -1 when there is none. */
    public static long row(List<String> lines, Object key) {
        for (String l : lines) {
            String[] cols = l.trim().split("\\s+");
            if (cols.length == 2 && cols[0].equals(String.valueOf(key))) return Long.parseLong(cols[1]);
        }
        return -1;
    }

    /** Where cgroup v2 is mounted: /sys/fs/cgroup, or /sys/fs/cgroup/unified beside cgroup v1. */
    public static Path cgroup2Root() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String[] f = line.split(" ");
            if (f.length > 2 && f[2].equals("cgroup2")) return Path.of(f[1]);
        }
        throw new AssertionError("cgroup2 is not mounted (mount -t cgroup2 none /sys/fs/cgroup)");
    }
}
