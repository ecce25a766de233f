package org.jbpf.toolchain;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probes a command is given are checked as class files before anything reads them. */
class ProbeInputsTest {
    private static byte[] processCounter() throws Exception {
        try (InputStream in = ProbeInputsTest.class.getClassLoader().getResourceAsStream("org/jbpf/examples/ProcessCounter.class")) {
            return in.readAllBytes();
        }
    }

    @Test void probeInputsCheckEveryProbeTheyTake(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ProcessCounter.class");
        byte[] b = processCounter();
        Files.write(file, Arrays.copyOf(b, 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProbeInputs.of(List.of(file.toString()), List.of()));
        assertTrue(e.getMessage().startsWith(file + ": not a valid class file"), e.getMessage());
    }
}
