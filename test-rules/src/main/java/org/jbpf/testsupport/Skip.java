package org.jbpf.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for a test that cannot run here: it is skipped with the reason printed, or, when the environment
 * variable {@code JBPF_REQUIRE_KERNEL=1} is set (CI), it fails with that reason instead. A check that only adds
 * confidence, or whose reason is a legitimate kind of machine (another architecture), is {@link #optional}: skipped
 * with its reason printed even then.
 */
public final class Skip {
    public static final String REQUIRE_VARIABLE = "JBPF_REQUIRE_KERNEL";

    private Skip() {}

    /** Whether skips are failures in this run. */
    public static boolean required() { return "1".equals(System.getenv(REQUIRE_VARIABLE)); }

    /** Ends the calling test: skipped with {@code reason}, or failed under JBPF_REQUIRE_KERNEL=1. Never returns. */
    public static void because(String what, String reason) {
        if (required()) Assertions.fail(REQUIRE_VARIABLE + "=1 but " + reason);
        optional(what, reason);
    }

    /** Ends the calling test as skipped with {@code reason} printed, whatever JBPF_REQUIRE_KERNEL says. Never returns. */
    public static void optional(String what, String reason) {
        System.out.println("SKIPPED (" + what + "): " + reason);
        Assumptions.abort(reason);
    }

    /** {@link #because} unless {@code condition} holds. */
    public static void unless(boolean condition, String what, String reason) {
        if (!condition) because(what, reason);
    }
}
