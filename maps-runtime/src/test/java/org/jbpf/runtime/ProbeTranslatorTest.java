package org.jbpf.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProbeTranslatorTest {
    /** This module's tests have no translator on the class path, like an application that only loads objects. */
    @Test void withoutATranslatorTheMessageNamesTheArtifactAndTheAlternative() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ProbeTranslator.find(ProbeTranslatorTest.class));
        assertEquals("translating org.jbpf.runtime.ProbeTranslatorTest at run time needs a translator: add "
                + "org.jbpf:jbpf-toolchain to the class path, or load the object the Maven plugin wrote with "
                + "BPF.open(Path.of(\"target/jbpf/ProbeTranslatorTest.o\"))", e.getMessage());
    }
}
