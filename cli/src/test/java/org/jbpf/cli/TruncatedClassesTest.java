package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A probe's class file cut short at every offset, from empty to one byte short (the corpus is made here, not picked):
 * each is answered by every command that reads a class with one line naming the file and saying to compile it again,
 * exit 1 (3 for a probe whose @Struct class is cut: the probe cannot be translated), and nothing written. A copy that javac's output would leave half-written (a full disk, a build killed
 * mid-write) must never reach the translator as a probe.
 */
class TruncatedClassesTest {
    static final String PROBE = "org/jbpf/examples/ProcessCounter.class";
    /** A @Struct class (ReadSizes' value), cut short where a sound probe finds it on the class path. */
    static final String STRUCT = "org/jbpf/examples/ReadSizes$Sizes.class";

    @TempDir Path dir;

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = TruncatedClassesTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test void aProbeCutShortAtEveryOffsetIsOneLineNamingItsFile() throws Exception {
        byte[] sound = resource(PROBE);
        Path file = Files.createDirectories(dir.resolve("classes/org/jbpf/examples")).resolve("ProcessCounter.class");
        Path out = Files.createDirectories(dir.resolve("out"));
        Map<String, Integer> answers = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (int length = 0; length < sound.length; length++) {
            Files.write(file, Arrays.copyOf(sound, length));
            for (String[] command : new String[][] {{"translate", file.toString(), "-o", out.toString()}, {"verify", file.toString()}}) {
                if (command[0].equals("verify") && length % 4 != 0) continue;  // verify reads classes as translate does
                Cli r = Cli.run(command);
                String problem = answer(r, file);
                if (problem != null) failures.add(command[0] + " of the first " + length + " bytes: " + problem);
                answers.merge(r.err().replace(file.toString(), "<file>").strip(), 1, Integer::sum);
            }
        }
        System.out.println("truncated " + PROBE + " (" + sound.length + " cuts): " + answers);
        failures.stream().limit(20).forEach(System.out::println);
        assertTrue(failures.isEmpty(), failures.size() + " cuts answered badly; first: " + (failures.isEmpty() ? "" : failures.get(0)));
        try (var written = Files.list(out)) {
            assertEquals(0, written.count(), "no cut wrote an object");
        }
    }

    @Test void aStructClassCutShortAtEveryOffsetIsNamedByTheProbeThatUsesIt() throws Exception {
        byte[] sound = resource(STRUCT);
        Path root = dir.resolve("classes");
        Path file = Files.createDirectories(root.resolve("org/jbpf/examples")).resolve("ReadSizes$Sizes.class");
        Path out = Files.createDirectories(dir.resolve("out"));
        String cp = root + ":" + CommandLineTest.EXAMPLES;
        List<String> failures = new ArrayList<>();
        for (int length = 0; length < sound.length; length++) {
            Files.write(file, Arrays.copyOf(sound, length));
            Cli r = Cli.run("translate", "org.jbpf.examples.ReadSizes", "-cp", cp, "-o", out.toString());
            // the probe cannot be translated (exit 3), for the class it names and the file that holds it
            String problem = r.status() != ExitCodes.REJECTED ? "exit status " + r.status() + ": " + r.err()
                    : !r.err().startsWith("jbpf: cannot read class org.jbpf.examples.ReadSizes$Sizes: " + file + ": ") ? "names no file: " + r.err()
                    : !r.err().contains("compile it again") && !r.err().contains("compiled by javac") ? "does not say what to do: " + r.err()
                    : r.err().lines().count() != 1 ? "more than one line: " + r.err() : BadInputOutcome.problem(r, file.getFileName().toString());
            if (problem != null) failures.add("the first " + length + " bytes: " + problem);
        }
        failures.stream().limit(20).forEach(System.out::println);
        assertTrue(failures.isEmpty(), failures.size() + " cuts answered badly; first: " + (failures.isEmpty() ? "" : failures.get(0)));
    }

    /** Null when {@code r} is the answer a cut class must get: exit 1, one jbpf line naming the file and what to do. */
    private static String answer(Cli r, Path file) {
        String err = r.err();
        if (r.status() != ExitCodes.FAILED) return "exit status " + r.status() + ": " + err;
        if (err.lines().count() != 1) return err.lines().count() + " lines: " + err;
        if (!err.startsWith("jbpf: " + file + ": ")) return "does not start with the file: " + err;
        if (!err.contains("compile it again") && !err.contains("give a class compiled by javac")) return "does not say what to do: " + err;
        String general = BadInputOutcome.problem(r, file.getFileName().toString());
        return general;
    }
}
