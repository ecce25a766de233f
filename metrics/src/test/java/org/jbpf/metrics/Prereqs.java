package org.jbpf.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jbpf.testsupport.Kernel;
import org.jbpf.testsupport.Skip;

/**
 * Skips a test with the reason when this machine cannot run it (no bpf(2) rights, a program not installed); under
 * JBPF_REQUIRE_KERNEL=1 a missing prerequisite fails the test instead.
 */
public final class Prereqs {
    private Prereqs() {}

    public static void kernel() {
        Kernel.require();
    }

    /** The path of {@code program} on PATH; skips (or fails) naming the Debian package that brings it. */
    public static Path program(String program, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) return p;
        }
        refuse(program + " is not installed (apt-get install -y " + debianPackage + ")");
        return null;
    }

    /** As {@link #program}, but a check that only adds confidence: skipped when missing, even under JBPF_REQUIRE_KERNEL. */
    public static Path optionalProgram(String program, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) return p;
        }
        Skip.optional("tool", program + " is not installed (apt-get install -y " + debianPackage + ")");
        return null;
    }

    private static void refuse(String refusal) {
        if (refusal != null) Skip.because("tool", refusal);
    }
}
