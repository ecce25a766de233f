package org.jbpf.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class TestSupportTest {
    @Test void aSkipAbortsOrFailsByTheOneRule() {
        if (Skip.required()) {
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Skip.because("x", "no widget"));
            assertEquals("JBPF_REQUIRE_KERNEL=1 but no widget", e.getMessage());
        } else {
            TestAbortedException e = assertThrows(TestAbortedException.class, () -> Skip.because("x", "no widget"));
            assertEquals("no widget", e.getMessage());
        }
    }

    @Test void toolsAreFoundOnThePathAndRun() throws Exception {
        assertNotNull(Tools.find("sh"));
        assertNull(Tools.find("no-such-tool-jbpf"));
        Tools.Result r = Tools.run("sh", "-c", "echo out; echo err >&2; exit 3");
        assertEquals(3, r.exitCode());
        assertEquals("out\nerr\n", r.output());
        Class<? extends Throwable> ending = Skip.required() ? AssertionFailedError.class : TestAbortedException.class;
        Throwable e = assertThrows(Throwable.class, () -> Tools.require("no-such-tool-jbpf"));
        assertEquals(ending, e.getClass());
        assertTrue(e.getMessage().endsWith("no-such-tool-jbpf is not installed (apt-get install no-such-tool-jbpf; "
                + "scripts/test installs it when run as root)"), e.getMessage());
    }

    @Test void theKernelAnswerAgreesWithTheCapabilities() {
        long caps = Kernel.effectiveCapabilities();
        boolean privileged = (caps & (1L << Kernel.CAP_BPF | 1L << Kernel.CAP_SYS_ADMIN)) != 0;
        if (!privileged) assertTrue(Kernel.refusal().contains("CAP_BPF and CAP_SYS_ADMIN"), Kernel.refusal());
        else if (Kernel.refusal() != null) assertTrue(Kernel.refusal().startsWith("the kernel refuses BPF"), Kernel.refusal());
    }

    @Test void childJvmsGetThisJvmsLauncherAndClassPath() {
        assertTrue(Jvm.java().endsWith("/bin/java"), Jvm.java());
        assertTrue(Jvm.classPath().contains("test-classes"), Jvm.classPath());
    }

    @ParameterizedTest @BackendNames void backendNamesComeFromTheToolchainsTable(String name) {
        assertTrue(List.of("direct", "llvm").contains(name), name);
        if (name.equals("direct")) assertEquals("direct", TestBackends.require(name).name());
    }
}
