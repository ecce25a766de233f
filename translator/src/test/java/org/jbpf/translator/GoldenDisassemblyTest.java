package org.jbpf.translator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.core.asm.Disassembler;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins the translated code of every example, with its Java source lines, so any change in code generation shows up
 * in review. Regenerate with {@code -Djbpf.updateGolden=true}.
 */
class GoldenDisassemblyTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final Path EXAMPLE_SOURCES = Path.of("../examples/src/main/java");

    static String render(String className) {
        return render(className, Translator.ClassSource.of(GoldenDisassemblyTest.class.getClassLoader()));
    }

    static String render(String className, Translator.ClassSource classes) {
        BpfObject o = Translator.translate(className, classes, new Translator.Options(List.of(EXAMPLE_SOURCES)));
        StringBuilder sb = new StringBuilder();
        sb.append("license ").append(o.license()).append('\n');
        o.maps().forEach(m -> sb.append("map ").append(m.name()).append(" type ").append(m.type()).append(" key ").append(m.keySize())
                .append(" value ").append(m.valueSize()).append(" max ").append(m.maxEntries()).append('\n'));
        for (ProgramSpec p : o.programs()) {
            sb.append("\nsection ").append(p.section()).append(" program ").append(p.name()).append('\n');
            sb.append(Disassembler.listing(p.insns()));
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ProcessCounter", "OpenCounter", "ReadLatency", "EventSampler", "PerCpuCounters",
            "ExecPerfEvents", "ExecRingEvents", "HelloPrintk"})
    void matchesGolden(String example) throws IOException {
        String actual = render("org.jbpf.examples." + example);
        Path file = GOLDEN.resolve(example + ".txt");
        if (Boolean.getBoolean("jbpf.updateGolden") || !Files.exists(file)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "disassembly of " + example + " changed; "
                + "review the difference and regenerate with -Djbpf.updateGolden=true");
    }
}
