package org.jbpf.it.robust;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Skips a kernel test with the reason when this process may not use bpf(2); fails instead under JBPF_REQUIRE_KERNEL=1. */
final class RobustKernel {
    private RobustKernel() {}

    static void require() {
        String refusal = null;
        if (!"Linux".equals(System.getProperty("os.name"))) refusal = "not Linux";
        else if (!isRoot()) refusal = "not running as root (bpf(2) needs CAP_BPF/CAP_SYS_ADMIN)";
        else if (!Files.isDirectory(Path.of("/sys/kernel/tracing/events"))) refusal = "tracefs is not mounted at /sys/kernel/tracing";
        if (refusal == null) return;
        if ("1".equals(System.getenv("JBPF_REQUIRE_KERNEL"))) fail("JBPF_REQUIRE_KERNEL=1 but " + refusal);
        System.out.println("SKIPPED (kernel): " + refusal);
        Assumptions.abort(refusal);
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("Uid:")) return line.split("\\s+")[1].equals("0");
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** The class path of this test run, for child JVMs. */
    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isEmpty() ? cp : System.getProperty("java.class.path");
    }

    static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }
}
