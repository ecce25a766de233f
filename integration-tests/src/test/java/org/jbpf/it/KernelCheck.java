package org.jbpf.it;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** Skips a kernel test with the reason when this process may not use bpf(2); fails instead under JBPF_REQUIRE_KERNEL=1. */
public final class KernelCheck {
    private KernelCheck() {}

    public static void require() {
        String refusal = null;
        if (!"Linux".equals(System.getProperty("os.name"))) refusal = "not Linux";
        else if (!"root".equals(System.getProperty("user.name"))) refusal = "not running as root (bpf(2) needs CAP_BPF/CAP_SYS_ADMIN)";
        if (refusal == null) return;
        if ("1".equals(System.getenv("JBPF_REQUIRE_KERNEL"))) fail("JBPF_REQUIRE_KERNEL=1 but " + refusal);
        System.out.println("SKIPPED (kernel): " + refusal);
        Assumptions.abort(refusal);
    }
}
