package org.jbpf.core.btf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** C identifiers as BTF names need them: ASCII letters, digits and '_', not starting with a digit. */
class CNamesTest {
    @Test void identifiersAreAsciiLettersDigitsAndUnderscores() {
        for (String ok : List.of("a", "_", "counts", "_private", "sys_enter_openat2", "A9_z"))
            assertTrue(CNames.isIdentifier(ok), ok);
        for (String bad : List.of("", "9lives", "with space", "dash-ed", "dot.ted", "dollar$", "caf\u00e9", "\u00e9t\u00e9", "tab\t"))
            assertFalse(CNames.isIdentifier(bad), bad);
        assertFalse(CNames.isIdentifier(null));
    }
}
