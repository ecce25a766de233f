package org.jbpf.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * A known number of execve() calls under a known command name: a script named {@link #COMMAND} that runs /bin/true
 * {@link #EXECS} times. Its forked children keep the script's name until their execve, which is what the probe sees.
 * The name carries this JVM's pid, so a second test run on the same machine does not add to the counts.
 */
final class ExecWorkload {
    static final int EXECS = 25;
    static final String COMMAND = "jbpfexec" + Long.toString(ProcessHandle.current().pid(), 36);

    private ExecWorkload() {}

    static void run(Path dir) throws Exception {
        Path script = dir.resolve(COMMAND);
        Files.writeString(script, "#!/bin/sh\ni=0\nwhile [ $i -lt " + EXECS + " ]; do /bin/true; i=$((i+1)); done\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Process p = new ProcessBuilder(script.toString()).inheritIO().start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "workload did not finish");
        assertEquals(0, p.exitValue());
    }
}
