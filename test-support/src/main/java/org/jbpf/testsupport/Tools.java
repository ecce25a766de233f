package org.jbpf.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * External programs the tests compare jbpf with (bpftool, clang): found on PATH (plus the sbin directories), run
 * with their output collected, and a skip with the package to install when one is missing.
 */
public final class Tools {
    private Tools() {}

    /** Exit status and the merged stdout and stderr of a finished command. */
    public record Result(int exitCode, String output) {}

    /** Apt packages that provide each tool, for the skip message. */
    private static String packageOf(String tool) {
        return switch (tool) {
            case "bpftool" -> "bpftool";
            case "clang" -> "clang";
            default -> tool;
        };
    }

    /** Skips (or fails under JBPF_REQUIRE_KERNEL=1) when {@code name} is not installed; else its path. */
    public static Path require(String name) {
        Path p = find(name);
        if (p == null) Skip.because(name, name + " is not installed (apt-get install " + packageOf(name)
                + "; scripts/test installs it when run as root)");
        return p;
    }

    /** The executable {@code name} on PATH, /usr/sbin or /sbin; null when there is none. */
    public static Path find(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** Runs a command (its first word found with {@link #require}) and collects its output; fails after 120 s. */
    public static Result run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        if (!cmd.get(0).contains("/")) cmd.set(0, require(cmd.get(0)).toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            Assertions.fail("timed out: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Runs a command that must succeed; the failure message carries its output. */
    public static String check(String... command) throws IOException, InterruptedException {
        Result r = run(command);
        if (r.exitCode() != 0) Assertions.fail(String.join(" ", command) + " exited with " + r.exitCode() + ":\n" + r.output());
        return r.output();
    }

    /** {@code bpftool args...}, skipped with the reason when bpftool is missing. */
    public static Result bpftool(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "bpftool";
        System.arraycopy(args, 0, cmd, 1, args.length);
        return run(cmd);
    }
}
