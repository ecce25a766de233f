package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jbpf trace} warns when the kernel records no trace output, read from a tracefs-like directory written here. */
class TracingOffTest {
    @TempDir Path tracefs;

    @Test
    void tracingOffIsNamedWithTheFileAndTheWayBack() throws Exception {
        Path on = Files.writeString(tracefs.resolve("tracing_on"), "0\n");
        assertEquals("jbpf: tracing is off (" + on + " is 0), so the kernel records no printk output; turn it on with: echo 1 > " + on,
                TraceCommand.tracingOff(on));
        Files.writeString(on, "1\n");
        assertNull(TraceCommand.tracingOff(on), "tracing on");
        assertNull(TraceCommand.tracingOff(tracefs.resolve("absent")), "no such file: the pipe's own error says more");
    }
}
