package org.jbpf.it.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jbpf.testsupport.Kernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/jbpf's start-up archive: a trained one is what the classes are loaded from, and a corrupt, foreign or missing
 * one changes nothing the user sees (same output, same object file, nothing on stderr), on the default JDK and on
 * JDK 25 (ahead-of-time cache) when it is installed.
 */
class StartupArchiveTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    static final String PROBE = ROOT.resolve("examples/target/classes/org/jbpf/examples/OpenCounter.class").toString();

    record Run(int exitCode, String out, String err) {}

    @Test void aCorruptArchiveIsIgnoredWithoutAWord(@TempDir Path dir) throws Exception {
        Path corrupt = dir.resolve("corrupt.archive");
        byte[] junk = new byte[4096];
        new Random(19).nextBytes(junk);
        Files.write(corrupt, junk);
        List<Map<String, String>> jdks = new ArrayList<>(List.of(Map.of()));
        if (Files.isExecutable(JDK25.resolve("bin/java"))) jdks.add(Map.of("JBPF_JAVA_HOME", JDK25.toString()));
        for (Map<String, String> jdk : jdks) {
            Path plain = Files.createDirectories(dir.resolve("plain" + jdk.size()));
            Path withJunk = Files.createDirectories(dir.resolve("junk" + jdk.size()));
            Run expected = jbpf(with(jdk, "JBPF_STARTUP_ARCHIVE", dir.resolve("none").toString()), "translate", PROBE, "-o", plain.toString());
            Run run = jbpf(with(jdk, "JBPF_STARTUP_ARCHIVE", corrupt.toString()), "translate", PROBE, "-o", withJunk.toString());
            assertEquals(0, run.exitCode(), jdk + ": " + run);
            assertEquals("", run.err(), jdk + ": nothing on stderr");
            assertEquals("verified OpenCounter.trackOpens: accepted\nverified OpenCounter.cleanup: accepted\n"
                    + "wrote " + withJunk.resolve("OpenCounter.o") + " (2 programs, 1 maps)\n", run.out(), jdk.toString());
            assertEquals(expected.out().replace(plain.toString(), withJunk.toString()), run.out(), jdk.toString());
            assertArrayEquals(Files.readAllBytes(plain.resolve("OpenCounter.o")), Files.readAllBytes(withJunk.resolve("OpenCounter.o")),
                    jdk + ": the same object with and without the archive");
            Run version = jbpf(with(jdk, "JBPF_STARTUP_ARCHIVE", corrupt.toString()), "--version");
            assertEquals(new Run(0, "jbpf 0.1.0\n", ""), version, jdk.toString());
        }
    }

    @Test void aTrainedArchiveIsWhereTheCommandsClassesComeFrom(@TempDir Path dir) throws Exception {
        if (!Kernel.isRoot()) org.jbpf.testsupport.Skip.because("root", "the training run attaches a probe");
        Path archive = dir.resolve("trained.archive");
        Map<String, String> env = Map.of("JBPF_STARTUP_ARCHIVE", archive.toString());
        Run training = jbpf(with(env, "JBPF_STARTUP_TRAIN", "org.jbpf.cli.StartupTraining"), PROBE);
        assertEquals(0, training.exitCode(), training.toString());
        assertEquals("trained on translate 0, verify 0, disasm 0, run 0 (exit statuses; run needs root)\n", training.out());
        assertTrue(Files.size(archive) > 1 << 20, "archive of " + Files.size(archive) + " bytes");
        Run loaded = jbpf(with(env, "JBPF_JAVA_OPTS", "-Xlog:class+load=info"), "translate", "--help");
        assertEquals(0, loaded.exitCode(), loaded.toString());
        for (String cls : List.of("org.jbpf.cli.Main", "org.jbpf.cli.TranslateCommand", "org.jbpf.translator.Translator$Options"))
            assertTrue(loaded.out().contains(cls + " source: shared objects file"), cls + " from the archive:\n" + loaded.out());
        assertTrue(!loaded.out().contains("org.jbpf.cli.RunCommand"), "only the named subcommand is set up");
    }

    /**
     * Run of a .o starts from an archive of its own, trained on such a run (JDK 25+ loads every class of its cache at
     * start, and the hot commands' cache holds the translator's); other commands keep the shared one.
     */
    @Test void runOfAnObjectHasAnArchiveOfItsOwn(@TempDir Path dir) throws Exception {
        if (!Kernel.isRoot()) org.jbpf.testsupport.Skip.because("root", "the training run attaches a probe");
        Run translated = jbpf(Map.of(), "translate", PROBE, "-o", dir.toString(), "--no-verify");
        assertEquals(0, translated.exitCode(), translated.toString());
        String object = dir.resolve("OpenCounter.o").toString();
        Run training = jbpf(Map.of("JBPF_STARTUP_TRAIN", "org.jbpf.cli.Main"), "run", object, "-d", "1ms");
        assertEquals(0, training.exitCode(), training.toString());
        Run run = jbpf(Map.of("JBPF_JAVA_OPTS", "-XX:+PrintCommandLineFlags -Xlog:class+load=info"), "run", object, "-d", "1ms");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().matches("(?s).*-XX:(SharedArchiveFile|AOTCache)=\\S*/cli/target/startup/jbpf-java[0-9.]+-run\\.(jsa|aot) .*"), run.out());
        assertTrue(run.out().contains("org.jbpf.loader.sys.LibC source: shared objects file"), run.out());
        assertTrue(run.out().contains("attached 2 program(s) of OpenCounter"), run.out());
        Run translate = jbpf(Map.of("JBPF_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "translate", PROBE, "-o", dir.toString());
        assertEquals(0, translate.exitCode(), translate.toString());
        assertTrue(!translate.out().contains("-run.jsa") && !translate.out().contains("-run.aot"), translate.out());
    }

    /**
     * translate starts from the archive of its own classes that scripts/startup-archive makes beside the shared one
     * (JDK 25+ loads a whole ahead-of-time cache at start), and from the shared one where there is none; every other
     * command starts from the shared one.
     */
    @Test void translateStartsFromAnArchiveOfItsOwn() throws Exception {
        Path shared = ROOT.resolve("cli/target/startup/jbpf-java" + System.getProperty("java.version") + ".jsa");
        Path own = ROOT.resolve("cli/target/startup/jbpf-java" + System.getProperty("java.version") + "-translate.jsa");
        Map<String, String> flags = Map.of("JBPF_JAVA_OPTS", "-XX:+PrintFlagsFinal");
        Run translate = jbpf(flags, "translate", "--help");
        Run version = jbpf(flags, "--version");
        assertEquals(0, translate.exitCode(), translate.err());
        if (!Files.exists(shared)) {   // a tree built without scripts/setup: no archive at all
            assertTrue(!translate.out().contains("jbpf-java") && !version.out().contains("jbpf-java"), translate.out());
            return;
        }
        Path translates = Files.exists(own) ? own : shared;
        // a jar rebuilt since scripts/setup made the archives: bin/jbpf passes them no more (see the test below)
        assertEquals(olderThanAJar(translates) ? "" : translates.toString(), flag(translate.out(), "SharedArchiveFile"));
        assertEquals(olderThanAJar(shared) ? "" : shared.toString(), flag(version.out(), "SharedArchiveFile"));
        if (olderThanAJar(shared)) return;
        // mapped where it was made: relocating it at a random address rewrites (and copies) every page a start touches
        assertEquals("0", flag(translate.out(), "ArchiveRelocationMode"));
        assertEquals("0", flag(version.out(), "ArchiveRelocationMode"));
    }

    /**
     * An archive older than a jar of the class path is not passed to the JVM, which would refuse it: a JDK 13-24
     * archive holds the JDK's classes too, and a refused one leaves the command without the JDK's own archive as well.
     * A current one is passed, with the collector whose heap takes its objects on JDK 17 (G1).
     */
    @Test void anArchiveOlderThanAJarIsNotPassed(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("some.archive");
        Files.write(archive, new byte[4096]);
        boolean aot = Runtime.version().feature() >= 25;
        Map<String, String> env = Map.of("JBPF_STARTUP_ARCHIVE", archive.toString(), "JAVA_TOOL_OPTIONS", "-XX:+PrintFlagsFinal");
        Run current = jbpf(env, "--version");
        assertEquals(0, current.exitCode(), current.toString());
        assertEquals(archive.toString(), flag(current.out(), aot ? "AOTCache" : "SharedArchiveFile"));
        assertEquals(aot ? "false" : "true", flag(current.out(), "UseG1GC"));
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(0));
        Run stale = jbpf(env, "--version");
        assertEquals(0, stale.exitCode(), stale.toString());
        assertTrue(stale.out().endsWith("jbpf 0.1.0\n"), stale.out());
        assertEquals("", flag(stale.out(), aot ? "AOTCache" : "SharedArchiveFile"));
        assertEquals("true", flag(stale.out(), "UseSerialGC"));
    }

    /** Whether a jar on bin/jbpf's class path is newer than {@code archive}. */
    private static boolean olderThanAJar(Path archive) throws Exception {
        List<Path> jars = new ArrayList<>(List.of(ROOT.resolve("cli/target/jbpf-cli-0.1.0-SNAPSHOT.jar")));
        try (var lib = Files.list(ROOT.resolve("cli/target/lib"))) {
            for (Path j : lib.toList()) {
                String name = j.getFileName().toString();
                if (name.endsWith(".jar") && !name.startsWith("llvm-") && !name.startsWith("javacpp-") && !name.startsWith("prometheus-")
                        && !name.startsWith("jbpf-metrics-") && !name.startsWith("jbpf-translator-llvm-")) jars.add(j);
            }
        }
        for (Path j : jars)
            if (Files.getLastModifiedTime(j).compareTo(Files.getLastModifiedTime(archive)) > 0) return true;
        return false;
    }

    /** The value of a JVM flag as -XX:+PrintFlagsFinal prints it. */
    private static String flag(String flags, String name) {
        for (String line : flags.lines().toList()) {
            String[] words = line.trim().split(" +");
            if (words.length >= 4 && words[1].equals(name) && words[2].equals("=")) return words[3].startsWith("{") ? "" : words[3];
        }
        return "";
    }

    /**
     * The LLVM backend's jars are not on bin/jbpf's class path (JDK 24+ reads every class path jar's manifest at each
     * start), yet {@code --backend llvm} finds the backend in them and writes the same object as with them on it.
     */
    @Test void theLlvmBackendIsFoundOffTheClassPath(@TempDir Path dir) throws Exception {
        Run settings = jbpf(Map.of("JBPF_JAVA_OPTS", "-XshowSettings:properties"), "--version");
        assertEquals(0, settings.exitCode(), settings.toString());
        List<String> classPath = propertyValues(settings.err(), "java.class.path");
        List<String> backendPath = propertyValues(settings.err(), "jbpf.backend.path");
        assertTrue(classPath.stream().anyMatch(j -> j.contains("jbpf-translator-0")), "the translator is on the class path: " + classPath);
        assertEquals(List.of(), classPath.stream().filter(j -> j.contains("llvm") || j.contains("javacpp")).toList());
        assertEquals(5, backendPath.stream().filter(j -> j.contains("llvm") || j.contains("javacpp")).count(), backendPath.toString());
        Run llvm = jbpf(Map.of(), "translate", PROBE, "--backend", "llvm", "-o", dir.toString());
        assertEquals(0, llvm.exitCode(), llvm.toString());
        assertEquals("verified OpenCounter.trackOpens: accepted\nverified OpenCounter.cleanup: accepted\n"
                + "wrote " + dir.resolve("OpenCounter.o") + " (2 programs, 1 maps)\n", llvm.out());
    }

    /**
     * The metrics module and the Prometheus client are not on bin/jbpf's class path either (each class path jar costs
     * every command at start), yet {@code run --serve} finds them and serves the probe's map while it runs.
     */
    @Test void theMetricsModuleIsFoundOffTheClassPath(@TempDir Path dir) throws Exception {
        Run settings = jbpf(Map.of("JBPF_JAVA_OPTS", "-XshowSettings:properties"), "--version");
        assertEquals(0, settings.exitCode(), settings.toString());
        List<String> classPath = propertyValues(settings.err(), "java.class.path");
        List<String> metricsPath = propertyValues(settings.err(), "jbpf.metrics.path");
        assertTrue(classPath.stream().anyMatch(j -> j.contains("jbpf-maps-runtime-0")), "the runtime is on the class path: " + classPath);
        assertEquals(List.of(), classPath.stream().filter(j -> j.contains("prometheus") || j.contains("jbpf-metrics")).toList());
        assertEquals(1, metricsPath.stream().filter(j -> j.contains("/jbpf-metrics-0")).count(), metricsPath.toString());
        assertEquals(11, metricsPath.stream().filter(j -> j.contains("/prometheus-metrics-")).count(), metricsPath.toString());
        if (!Kernel.isRoot()) org.jbpf.testsupport.Skip.because("root", "run --serve loads and attaches a probe");
        Run translated = jbpf(Map.of(), "translate", PROBE, "-o", dir.toString(), "--no-verify");
        assertEquals(0, translated.exitCode(), translated.toString());
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("bin/jbpf").toString(), "run", dir.resolve("OpenCounter.o").toString(),
                "--serve", "127.0.0.1:0", "-d", "20s");
        pb.environment().remove("JBPF_JAVA_HOME");
        pb.environment().remove("JBPF_JAVA_OPTS");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
            String url = null;
            for (String line; url == null && (line = out.readLine()) != null; )
                if (line.startsWith("serving metrics at ")) url = line.substring("serving metrics at ".length());
            assertTrue(url != null && url.matches("http://127\\.0\\.0\\.1:[0-9]+/metrics"), "where it serves: " + url);
            Files.readAllBytes(Path.of("/proc/self/status"));  // an open(2) for the probe to count, from this process
            String text = new String(java.net.URI.create(url).toURL().openStream().readAllBytes());
            assertTrue(text.contains("# HELP jbpf_open_counter_opens hash map opens of jbpf probe OpenCounter: value per key"), text);
            assertTrue(text.contains("\njbpf_open_counter_opens{key=\"" + ProcessHandle.current().pid() + "\"} "), text);
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    /** A property's value as -XshowSettings:properties prints it: a path list one element a line. */
    private static List<String> propertyValues(String settings, String property) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : settings.lines().toList()) {
            if (line.startsWith("    " + property + " = ")) {
                in = true;
                out.add(line.substring(line.indexOf(" = ") + 3));
            } else if (in && line.startsWith("        ")) out.add(line.strip());
            else in = false;
        }
        return out;
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> m = new java.util.HashMap<>(env);
        m.put(key, value);
        return m;
    }

    private static Run jbpf(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("bin/jbpf").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("JBPF_JAVA_HOME");
        pb.environment().remove("JBPF_JAVA_OPTS");
        pb.environment().putAll(env);
        Path err = Files.createTempFile("jbpf-err", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        int status = p.waitFor();
        String errText = Files.readString(err);
        Files.delete(err);
        return new Run(status, out, errText);
    }
}
