package org.jbpf.loader.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A number sysctl is read whole, where a read that starts with one byte gets only its first digit. */
class SysctlTest {
    static final Path PID_MAX = Path.of("/proc/sys/kernel/pid_max");

    @Test
    void readsTheWholeNumber() throws IOException {
        long pidMax = Long.parseLong(Files.readAllLines(PID_MAX).get(0).trim());   // a buffered read from the start
        assertTrue(pidMax >= 10, "more than one digit: " + pidMax);
        assertEquals(pidMax, Sysctl.number(PID_MAX));
        assertEquals(String.valueOf(pidMax).substring(0, 1), Files.readString(PID_MAX).trim(), "what Files.readString gets from procfs");
    }

    @Test
    void aMissingOrNonNumberFileIsMinusOne(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        assertEquals(-1, Sysctl.number(dir.resolve("missing")));
        assertEquals(-1, Sysctl.number(Files.writeString(dir.resolve("text"), "abc\n")));
        assertEquals(42, Sysctl.number(Files.writeString(dir.resolve("number"), "42\n")));
    }
}
