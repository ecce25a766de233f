package org.jbpf.it.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.GlobalData;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.it.KernelCheck;
import org.jbpf.testsupport.Skip;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every probe of the examples and of these tests, compiled by other compilers than the build's: JDK 25's javac at
 * {@code --release 17, 21, 25} and JDK 17's at {@code --release 8, 11}, with and without debug information and
 * parameter names. Each must translate to the same program as the build's javac (JDK 17, {@code --release 17 -g})
 * makes of it, or, where another javac compiles a construct another way (javac 21 switches on an enum of the same file
 * by its ordinal, javac 17 through a switch map class), compute the same in the kernel ({@link SameInKernel}); a refusal must
 * stay a refusal, and without line numbers ({@code -g:none}) still name the file, class and program (or map field) and say how to get
 * lines. A probe an older release cannot compile (a record, a switch expression) is left out of that release only.
 */
class JavacMatrixTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64"), JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    static final List<Path> SOURCES = List.of(ROOT.resolve("examples/src/main/java"), ROOT.resolve("integration-tests/src/test/java"));
    @Test void everyProbeTranslatesTheSameWhateverJavacCompiledIt(@TempDir Path tmp) throws Exception {
        Skip.unless(Files.isExecutable(JDK17.resolve("bin/javac")) && Files.isExecutable(JDK25.resolve("bin/javac")),
                "javac matrix", "no JDK 17 and JDK 25 javac at " + JDK17 + " and " + JDK25);
        List<Path> probes = probeSources();
        assertTrue(probes.size() > 100, "probe sources found: " + probes.size());
        Map<String, Outcome> reference = translateAll(compile(tmp.resolve("ref"), JDK17, probes, "--release", "17", "-g"), probes);
        List<String> differences = new ArrayList<>();
        int compared = 0, kernelChecked = 0;
        String[][] configs = {
            {"25", "--release", "17", "-g:none"}, {"25", "--release", "21", "-g", "-parameters"}, {"25", "--release", "25", "-g"},
            {"25", "--release", "25", "-g:none", "-parameters"}, {"17", "--release", "11", "-g"}, {"17", "--release", "8", "-g:none"},
        };
        for (String[] config : configs) {
            List<String> options = List.of(config).subList(1, config.length);
            String label = "javac " + config[0] + " " + String.join(" ", options);
            Path out = tmp.resolve(String.join("", config).replace("-", "").replace(":", ""));
            List<Path> compilable = new ArrayList<>(probes);
            compile(out, config[0].equals("25") ? JDK25 : JDK17, compilable, options.toArray(new String[0]));
            if (!options.contains("8") && !options.contains("11")) assertEquals(probes.size(), compilable.size(), label + " compiles every probe");
            Map<String, Outcome> got = translateAll(out, compilable);
            boolean lines = !options.contains("-g:none");
            for (Map.Entry<String, Outcome> e : got.entrySet()) {
                Outcome ref = reference.get(e.getKey()), mine = e.getValue();
                compared++;
                String problem = ref.refusal != null ? refusalProblem(ref.refusal, mine, lines) : sameProgram(ref, mine);
                if (problem == KERNEL) kernelChecked++;
                else if (problem != null) differences.add(label + ", " + e.getKey() + ": " + problem);
            }
        }
        assertTrue(differences.isEmpty(), differences.size() + " differences:\n" + String.join("\n", differences));
        System.out.println("javac matrix: " + compared + " translations compared with the build's, " + kernelChecked + " of them in the kernel");
    }

    /** The outcome of one translation: the object and its text, or the refusal. */
    record Outcome(BpfObject object, String text, String refusal) {}

    private static final String KERNEL = "checked in the kernel";

    /**
     * Null when {@code mine} is the same program as {@code ref}; KERNEL when it is another that computes the same in
     * the kernel; null too for a Java 8 string concatenation refused with its own message.
     */
    static String sameProgram(Outcome ref, Outcome mine) {
        if (mine.refusal != null)
            return mine.refusal.contains("compile it with --release 9 or later") ? null
                    : "the build's class translates, this one is refused: " + mine.refusal;
        if (mine.text.equals(ref.text)) return null;
        if (!SameInKernel.applies(ref.object)) return "another program:\n  build's: " + ref.text + "\n  this:    " + mine.text;
        KernelCheck.require();
        String differs = SameInKernel.compare(ref.object, mine.object);
        return differs == null ? KERNEL : "another program, which computes something else in the kernel: " + differs;
    }

    static final Pattern NO_LINE = Pattern.compile(":-1\\b|line -1|line 0\\b");

    /** Null when {@code mine} is refused as the build's class is; without lines, when it still says where and how to get them. */
    static String refusalProblem(String ref, Outcome mine, boolean lines) {
        if (mine.refusal == null) return "the build's class is refused (" + ref + "), this one translates";
        if (lines) return mine.refusal.equals(ref) ? null : "another refusal:\n  build's: " + ref + "\n  this:    " + mine.refusal;
        if (NO_LINE.matcher(mine.refusal).find()) return "a line number that is not one: " + mine.refusal;
        Matcher file = Pattern.compile("^([^:]+\\.java)(:\\d+)?: ").matcher(ref);
        if (!file.find() || file.group(2) == null) return null;  // the build's message has no line either: nothing to miss
        boolean says = mine.refusal.startsWith(file.group(1) + ": class ") && (mine.refusal.contains(", program ") || mine.refusal.contains(", field "))
                && mine.refusal.contains("compile with javac -g");
        return says ? null : "without lines, the refusal names no class and program (or field) or does not say to compile with -g:\n  build's: "
                + ref + "\n  this:    " + mine.refusal;
    }

    /** The files that declare a probe ({@code @Bpf}). */
    static List<Path> probeSources() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : SOURCES)
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator)
                    if (Files.readString(f).contains("@Bpf(")) out.add(f);
            }
        return out;
    }

    /**
     * Compiles {@code probes} and what they use (found on the source path) into {@code out}. At {@code --release 8} and
     * {@code 11} the probes whose files javac refuses (newer language or library), or that name a refused helper class,
     * are taken out of {@code probes} and the rest compiled again.
     */
    static Path compile(Path out, Path jdk, List<Path> probes, String... options) throws Exception {
        boolean old = List.of(options).contains("8") || List.of(options).contains("11");
        for (int round = 0; ; round++) {
            Files.createDirectories(out);
            List<String> cmd = new ArrayList<>(List.of(jdk.resolve("bin/javac").toString(), "-nowarn", "-implicit:class", "-proc:none",
                    "-d", out.toString(), "-cp", libraries(), "-sourcepath", SOURCES.get(0) + File.pathSeparator + SOURCES.get(1)));
            cmd.addAll(List.of(options));
            for (Path p : probes) cmd.add(p.toString());
            Process javac = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String said = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(javac.waitFor(10, TimeUnit.MINUTES));
            if (javac.exitValue() == 0) return out;
            Set<Path> refused = new LinkedHashSet<>();
            Matcher m = Pattern.compile("(?m)^(/\\S+\\.java):\\d+: error").matcher(said);
            while (m.find()) refused.add(Path.of(m.group(1)));
            // a refused helper file (one using a newer library method) takes the probes that name it along
            for (Path f : List.copyOf(refused))
                if (!probes.contains(f)) {
                    String helper = f.getFileName().toString().replace(".java", "");
                    for (Path p : probes) if (Files.readString(p).contains(helper)) refused.add(p);
                }
            boolean removed = old && round < 20 && probes.removeAll(refused);
            assertTrue(removed, jdk.getFileName() + " javac " + List.of(options) + ":\n" + said);
        }
    }

    /** The test class path without the classes the probes' sources compile to. */
    static String libraries() {
        List<String> keep = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator))
            if (!e.contains("integration-tests") && !e.contains("jbpf-examples") && !e.contains("examples/target")) keep.add(e);
        return String.join(File.pathSeparator, keep);
    }

    /** Each probe class's translation or refusal, by internal name. */
    static Map<String, Outcome> translateAll(Path classes, List<Path> probes) {
        Translator.ClassSource source = name -> {
            Path f = classes.resolve(name + ".class");
            if (Files.exists(f)) return Files.readAllBytes(f);
            try (var in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
                return in == null ? null : in.readAllBytes();
            }
        };
        Map<String, Outcome> out = new TreeMap<>();
        for (Path p : probes) {
            Path root = p.startsWith(SOURCES.get(0)) ? SOURCES.get(0) : SOURCES.get(1);
            String internal = root.relativize(p).toString().replace(".java", "");
            try {
                BpfObject o = Translator.translate(internal.replace('/', '.'), source, new Translator.Options(List.of()));
                out.put(internal, new Outcome(o, describe(o), null));
            } catch (RuntimeException e) {
                out.put(internal, new Outcome(null, null, e.getMessage()));
            }
        }
        return out;
    }

    /** The object's programs (instructions without their source lines), maps and globals, as text to compare. */
    static String describe(BpfObject o) {
        StringBuilder sb = new StringBuilder(o.name()).append(' ').append(o.license());
        for (MapSpec m : o.maps())
            sb.append(" map ").append(m.name()).append(':').append(m.type()).append('/').append(m.keySize()).append('/')
              .append(m.valueSize()).append('/').append(m.maxEntries()).append('/').append(m.flags());
        for (GlobalData g : o.globals()) sb.append(" global ").append(g.name()).append(java.util.Arrays.toString(g.bytes()));
        for (ProgramSpec p : o.programs()) {
            sb.append(" program ").append(p.name()).append(' ').append(p.section()).append(" [");
            for (Insn i : p.insns())
                sb.append(i.opcode()).append(',').append(i.dst()).append(',').append(i.src()).append(',').append(i.off()).append(',')
                  .append(i.imm()).append(i.reference() == null ? "" : "," + i.reference()).append(';');
            sb.append("] funcs ").append(p.funcInfos().size()).append(" relocs ").append(p.coreRelocations());
        }
        return sb.toString();
    }
}
