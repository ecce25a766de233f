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

    /**
     * A file named .jar that is no zip file, as a probe input or on the class path (found by corrupting command lines:
     * "java.util.zip.ZipException: zip END header not found"); a jar on the class path that is not there is passed over.
     */
    @Test void aJarThatIsNoZipFileIsNamed(@TempDir Path dir) throws Exception {
        Path notAJar = Files.writeString(dir.resolve("classes.jar"), "PK but not a zip");
        String said = notAJar + ": not a readable jar (zip END header not found); give a jar built by jar or Maven, or a directory of classes";
        assertEquals(said, assertThrows(IllegalArgumentException.class, () -> ProbeInputs.of(List.of(notAJar.toString()), List.of())).getMessage());
        assertEquals(said, assertThrows(IllegalArgumentException.class,
                () -> ProbeInputs.of(List.of("org.jbpf.examples.NoSuchProbe"), List.of(notAJar))).getMessage());
        Path gone = dir.resolve("gone.jar");
        assertEquals("class org.jbpf.examples.NoSuchProbe not found on the class path [" + gone + "]", assertThrows(IllegalArgumentException.class,
                () -> ProbeInputs.of(List.of("org.jbpf.examples.NoSuchProbe"), List.of(gone))).getMessage());
    }
}
