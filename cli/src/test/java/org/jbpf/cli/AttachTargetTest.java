package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code attach} and {@code detach} given the id of a process that is no JVM: the attach API would send it SIGQUIT,
 * which ends a process that does not handle it, so jbpf refuses in one line before any signal and the process lives on.
 */
class AttachTargetTest {
    @Test void aProcessThatIsNoJvmIsRefusedAndNotSignalled() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            String pid = Long.toString(sleep.pid());
            for (String command : new String[] {"attach", "detach"}) {
                Cli r = command.equals("attach") ? Cli.run("attach", pid, "com.acme.Probe", "--agent-jar", "/nonexistent/agent.jar")
                        : Cli.run("detach", pid, "--agent-jar", "/nonexistent/agent.jar");
                assertEquals(ExitCodes.FAILED, r.status(), r.err());
                assertEquals("jbpf: process " + pid + " (sleep) is not a JVM jbpf can attach to: it does not handle SIGQUIT, the signal "
                        + "that starts a JVM's attach listener, so the signal would end it (a JVM run with -Xrs is refused too); give "
                        + "the id of a running JVM (jps lists them)\n", r.err());
            }
            assertTrue(!sleep.waitFor(200, TimeUnit.MILLISECONDS) && sleep.isAlive(), "the process was not signalled");
        } finally {
            sleep.destroy();
        }
    }

    @Test void aRunningJvmIsOneToAttachTo() {
        assertNull(JvmProcess.refusal(Long.toString(ProcessHandle.current().pid())), "this JVM handles SIGQUIT");
    }
}
