package org.jbpf.translator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the examples with the running JDK's own javac at its newest class-file version (e.g. 25 on JDK 25) and
 * checks the translation is the same as for the release-17 build pinned by the golden files.
 */
class CurrentJavacTest {
    @TempDir Path out;

    @Test
    void examplesCompiledForThisJdkTranslateLikeTheGoldenFiles() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> sources = new ArrayList<>();
        try (Stream<Path> s = Files.walk(GoldenDisassemblyTest.EXAMPLE_SOURCES)) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
        }
        int feature = Runtime.version().feature();
        List<String> args = new ArrayList<>(List.of("--release", Integer.toString(feature), "-g", "-d", out.toString(),
                "-cp", System.getProperty("java.class.path")));
        args.addAll(sources);
        assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])), "javac failed");
        byte[] pc = Files.readAllBytes(out.resolve("org/jbpf/examples/ProcessCounter.class"));
        int major = ((pc[6] & 0xff) << 8) | (pc[7] & 0xff);
        assertEquals(44 + feature, major, "class file version of javac " + feature);

        Translator.ClassSource fromOut = name -> {
            Path f = out.resolve(name + ".class");
            return Files.isRegularFile(f) ? Files.readAllBytes(f) : Translator.ClassSource.of(getClass().getClassLoader()).read(name);
        };
        int checked = 0;
        try (Stream<Path> g = Files.list(GoldenDisassemblyTest.GOLDEN)) {
            for (Path golden : (Iterable<Path>) g::iterator) {
                String example = golden.getFileName().toString().replace(".txt", "");
                String actual = GoldenDisassemblyTest.render("org.jbpf.examples." + example, fromOut);
                assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, example + " compiled by javac " + feature);
                checked++;
            }
        }
        assertTrue(checked >= 8, "checked " + checked + " examples");
    }
}
