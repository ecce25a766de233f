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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compiles the examples with the running JDK's own javac at its newest class-file version (e.g. 25 on JDK 25) and
 * checks the translation is the same as for the release-17 build pinned by the golden files; and compiles the
 * examples and the benchmarks' probes with the other JDKs installed here ({@code -Djbpf.otherJdks=home:home}, by
 * default the Temurin 25 of the CI machines), with and without {@code --release 17}, whose every translation, or
 * refusal, must be the one of the running javac's release-17 build.
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
    static final Path BENCH_SOURCES = Path.of("../bench/src/main/java");

    /** The example sources and those of the benchmarks' probes (the files that declare a {@code @Bpf} class). */
    static List<String> probeSources() throws Exception {
        List<String> sources = new ArrayList<>();
        for (Path root : List.of(GoldenDisassemblyTest.EXAMPLE_SOURCES, BENCH_SOURCES)) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (!p.toString().endsWith(".java")) continue;
                    if (root == GoldenDisassemblyTest.EXAMPLE_SOURCES || Files.readString(p).contains("@Bpf")) sources.add(p.toString());
                }
            }
        }
        return sources;
    }

    /** The translation of a class as text, or the refusal's message. */
    static String translation(String className, Translator.ClassSource classes) {
        try {
            return GoldenDisassemblyTest.render(className, classes);
        } catch (TranslationException e) {
            return "refused: " + e.getMessage();
        }
    }

    static Translator.ClassSource dirThenClasspath(Path dir) {
        Translator.ClassSource cp = Translator.ClassSource.of(CurrentJavacTest.class.getClassLoader());
        return name -> {
            Path f = dir.resolve(name + ".class");
            return Files.isRegularFile(f) ? Files.readAllBytes(f) : cp.read(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"--release 17", ""})
    void probesCompiledByOtherJdksTranslateLikeRelease17(String release, @TempDir Path base) throws Exception {
        List<Path> homes = new ArrayList<>();
        for (String h : System.getProperty("jbpf.otherJdks", "/usr/lib/jvm/temurin-25-jdk-amd64").split(":"))
            if (Files.isExecutable(Path.of(h, "bin/javac"))) homes.add(Path.of(h));
        Assumptions.assumeFalse(homes.isEmpty(), "no other JDK installed");
        List<String> sources = probeSources();
        Path reference = Files.createDirectories(base.resolve("17"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-g", "-d", reference.toString(), "-cp", System.getProperty("java.class.path")));
        args.addAll(sources);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(new String[0])), "javac --release 17 failed");
        List<String> probes = org.jbpf.translator.opt.ProbeClassFiles.in(reference);
        assertTrue(probes.size() >= 35, "compiled " + probes.size() + " probe classes");
        for (Path home : homes) {
            Path out = Files.createDirectories(base.resolve(home.getFileName()));
            List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/javac").toString()));
            if (!release.isEmpty()) cmd.addAll(List.of(release.split(" ")));
            cmd.addAll(List.of("-g", "-d", out.toString(), "-cp", System.getProperty("java.class.path")));
            cmd.addAll(sources);
            Process javac = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, javac.waitFor(), home + "/bin/javac " + release + " failed:\n" + log);
            for (String probe : probes)
                assertEquals(translation(probe, dirThenClasspath(reference)), translation(probe, dirThenClasspath(out)),
                        probe + " compiled by " + home + " " + release);
        }
    }
}
