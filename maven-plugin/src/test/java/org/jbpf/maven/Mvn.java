package org.jbpf.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Maven run in a child process, offline, on the local repository of this build (where the build installed jbpf's
 * artifacts), as a user of the plugin runs it.
 */
final class Mvn {
    private Mvn() {}

    /** What a Maven run printed and how it ended. */
    record Result(int status, String output) {}

    /** Installs the packaged plugin into the local repository, so projects can name it. */
    static void installThePlugin() throws Exception {
        Result r = run(Path.of("."), "org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file",
                "-Dfile=" + System.getProperty("plugin.jar"), "-DpomFile=" + System.getProperty("plugin.pom"));
        assertEquals(0, r.status, r.output);
    }

    /** Runs {@code mvn args} in {@code dir}, offline and in batch mode. */
    static Result run(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
                "-o", "-B", "-ntp", "-Dmaven.repo.local=" + System.getProperty("local.repository")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
