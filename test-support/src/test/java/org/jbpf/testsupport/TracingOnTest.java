package org.jbpf.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tracing switch is turned on only when it was off, and then turned back off; on a file written here, not the kernel's. */
class TracingOnTest {
    @Test void anOffSwitchIsTurnedOnAndBackOff(@TempDir Path dir) throws Exception {
        Path on = Files.writeString(dir.resolve("tracing_on"), "0\n");
        assertTrue(TracingOn.turnOn(on));
        assertEquals("1", Files.readString(on).trim());
        TracingOn.turnOff(on);
        assertEquals("0", Files.readString(on).trim());
    }

    @Test void anOnSwitchIsLeftAlone(@TempDir Path dir) throws Exception {
        Path on = Files.writeString(dir.resolve("tracing_on"), "1\n");
        assertFalse(TracingOn.turnOn(on), "nothing to restore afterwards");
        assertEquals("1", Files.readString(on).trim());
        assertFalse(TracingOn.turnOn(dir.resolve("absent")), "no tracefs: nothing to do");
    }
}
