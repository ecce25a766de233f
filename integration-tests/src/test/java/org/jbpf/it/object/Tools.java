package org.jbpf.it.object;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** External tools (clang, bpftool) for the object file tests, and the skip rules when they are unavailable. */
final class Tools {
    private Tools() {}

    record Result(int exitCode, String output) {}

    /** Aborts the test with {@code reason}, or fails it when JBPF_REQUIRE_KERNEL=1. */
    static void skip(String reason) {
        if ("1".equals(System.getenv("JBPF_REQUIRE_KERNEL"))) fail("JBPF_REQUIRE_KERNEL=1 but " + reason);
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    static void requireTool(String name) {
        if (find(name) == null) skip(name + " is not installed (not found on PATH)");
    }

    static void requireRoot() {
        if (!isRoot()) skip("not running as root; loading programs with bpftool needs CAP_BPF/CAP_SYS_ADMIN");
        if (!Files.isDirectory(Path.of("/sys/fs/bpf")) || !isBpffs())
            skip("bpffs is not mounted at /sys/fs/bpf (mount -t bpf bpf /sys/fs/bpf)");
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("Uid:")) return line.split("\\s+")[2].equals("0"); // effective uid
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static boolean isBpffs() {
        try {
            return Files.readAllLines(Path.of("/proc/mounts")).stream().anyMatch(l -> l.contains(" /sys/fs/bpf bpf "));
        } catch (IOException e) {
            return false;
        }
    }

    static Path find(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Runs a command that must succeed; the failure message carries its output. */
    static String check(String... command) throws IOException, InterruptedException {
        Result r = run(command);
        if (r.exitCode() != 0) fail(String.join(" ", command) + " exited with " + r.exitCode() + ":\n" + r.output());
        return r.output();
    }

    /** A fresh pin directory path under bpffs (not yet created: bpftool loadall creates it). */
    static Path pinDir(String what) {
        return Path.of("/sys/fs/bpf", "jbpf_it_" + what + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime());
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static List<String> lines(String s) { return s.lines().toList(); }
}
