package org.jbpf.it.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.jbpf.BPF;
import org.jbpf.core.obj.ObjectFormatException;
import org.jbpf.translator.TranslationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API's entry points given what is no probe: each error is jbpf's own and says what to give instead. */
class ApiBadInputTest {
    @Test void aClassThatIsNoProbeIsToldToBeAnnotated() {
        TranslationException e = assertThrows(TranslationException.class, () -> BPF.loadAndAttach(String.class));
        assertEquals("String.java: class java.lang.String is not a probe; annotate it with @Bpf(license = \"GPL\")", e.getMessage());
    }

    @Test void nullIsNamedForWhatItStandsFor() {
        assertEquals("BPF.loadAndAttach needs a probe class, got null",
                assertThrows(NullPointerException.class, () -> BPF.loadAndAttach(null)).getMessage());
        assertEquals("BPF.builder needs a probe class, got null",
                assertThrows(NullPointerException.class, () -> BPF.builder((Class<?>) null)).getMessage());
        assertEquals("no file given: null in place of the path of a BPF object file (.o)",
                assertThrows(NullPointerException.class, () -> BPF.open(null)).getMessage());
    }

    @Test void aMissingObjectFileIsNamed(@TempDir Path dir) {
        Path gone = dir.resolve("Gone.o");
        assertEquals(gone + ": no such file", assertThrows(ObjectFormatException.class, () -> BPF.open(gone)).getMessage());
    }
}
