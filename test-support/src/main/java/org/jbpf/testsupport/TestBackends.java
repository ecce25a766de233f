package org.jbpf.testsupport;

import org.jbpf.toolchain.Backend;
import org.jbpf.toolchain.Backends;

/** Backends for tests: the named one, or a skip (a failure under JBPF_REQUIRE_KERNEL=1) when it cannot run here. */
public final class TestBackends {
    private TestBackends() {}

    public static Backend require(String name) {
        try {
            return Backends.named(name);
        } catch (IllegalArgumentException e) {
            Skip.because(name, e.getMessage());
            throw e;
        }
    }
}
