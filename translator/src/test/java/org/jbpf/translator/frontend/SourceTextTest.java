package org.jbpf.translator.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.core.asm.SourceLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source text of line info, which BTF keeps as C strings. */
class SourceTextTest {
    @TempDir Path dir;

    @Test
    void aNulInASourceLineIsWrittenAsItsEscape() throws Exception {
        // javac takes a raw NUL inside a string literal; BTF's string table cannot hold one
        Files.createDirectories(dir.resolve("p"));
        Files.writeString(dir.resolve("p/Probe.java"), "package p;\n    if (Strings.equals(name, \"java\0\")) hits++;\n");
        SourceLine line = new SourceText(List.of(dir), "p/Probe").annotate(new SourceLine("Probe.java", 2));
        assertEquals("if (Strings.equals(name, \"java\\0\")) hits++;", line.text());
    }
}
