package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.jbpf.testsupport.RandomSeed;
import org.jbpf.testsupport.TracingOn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command lines of every jbpf command, sound ones corrupted at random: tokens dropped, doubled, swapped or replaced by
 * bad values (empty, negative, overflowing, a device, a directory, a file of the wrong kind, a name nothing has),
 * options added where they do not belong, misspelled, or given their values in the other forms. Each must end with
 * exit 0, or with exit 1, 3 or 4 and lines beginning "jbpf: " (one error line, after any warnings), or with exit 2 and
 * a first line beginning "jbpf: " before the synopsis; no line may show Java internals, and none may take longer than
 * the time bound. Three rules keep a case harmless: a run or trace lasts at most 2 s; what a command writes goes
 * under this test's directory; a process id that names a running process is replaced with one no process has.
 */
@ExtendWith(TracingOn.class)   // its stderr is compared line by line: no 'tracing is off' line
class CommandLineFuzzTest {
    static final long SEED = RandomSeed.of(0x636d646cL);
    static final int CASES = Integer.getInteger("jbpf.fuzz.commandLines", 500);
    static final Integer ONLY = BadInputFuzzTest.ONLY;
    /** What only Java's own failures put in a message. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\tat |Exception\\b|Exception:|Error\\b|: null\\b|\\(null\\)|\\bnull$|internal error|\\[B@|\\$[0-9]|Index -?\\d+ out of bounds");
    /** Options of every command: the fuzz puts them anywhere. */
    private static final String[] OPTIONS = {"-o", "--output", "-cp", "--classpath", "-d", "--duration", "-i", "--interval", "--clear",
            "--per-cpu", "--format", "--top", "--serve", "--export-text", "--const", "--emit", "--no-verify", "--backend", "-s",
            "--source-path", "--btf", "-p", "--package", "--tracefs", "--agent-jar", "--jvm-only", "--verbose", "--help", "-h", "-V",
            "--version"};

    @TempDir static Path dir;
    static Path out, sound;
    static String[] values;
    static List<List<String>> soundLines;

    @BeforeAll static void inputs() throws Exception {
        BadInputFuzzTest.soundInputs(dir);
        out = Files.createDirectories(dir.resolve("out"));
        sound = Files.write(dir.resolve("ProcessCounter.o"), BadInputFuzzTest.objects.get("ProcessCounter"));
        Path empty = Files.write(dir.resolve("empty.o"), new byte[0]);
        Path text = Files.writeString(dir.resolve("notes.o"), "not an object\n");
        Path classAsObject = Files.write(dir.resolve("Probe.o"), BadInputFuzzTest.classes.get("ProcessCounter"));
        Path objectAsClass = Files.write(dir.resolve("Probe.class"), BadInputFuzzTest.objects.get("ProcessCounter"));
        Path notAJar = Files.writeString(dir.resolve("classes.jar"), "PK but not a zip");
        Path btf = Files.write(dir.resolve("short.btf"), new byte[] {(byte) 0x9f, (byte) 0xeb, 1, 0});
        Path emptyDir = Files.createDirectories(dir.resolve("empty"));
        values = new String[] {"", " ", "-", "--", "=", "0", "-1", "99999999999999999999", "9223372036854775807", "2147483648", "-2147483648",
                "1e9", "0x10", "NaN", "ms", "-5s", "5x", "9223372036854775807h", "106751991167301d", "999999999999m", "/dev/null", "/dev/zero",
                "/proc/self/status", emptyDir.toString(), dir.resolve("none").toString(), dir.resolve("none.o").toString(),
                dir.resolve("None.class").toString(), empty.toString(), text.toString(), classAsObject.toString(),
                objectAsClass.toString(), notAJar.toString(), btf.toString(), sound.toString(), "é/ü.o", "a".repeat(4096), "a b",
                "org.jbpf.examples.NoSuch", "org.jbpf.examples.ProcessCounter", "java.lang.String", "task_struct.nope",
                "task_struct..pid", ".", "task_struct.comm.x", "no_such_struct", "syscalls/nosuch", "sys_enter_openat", "x/y/z",
                "targetPid=abc", "x=7", "=7", "targetPid=99999999999999999999", "json", "folded", "xml", "llvm", "asm", "bogus",
                "127.0.0.1:0", "nohost:x", ":::", "processCount", "%n%s", "\\", "'", "\"", "-cp", "--", "--duration=1ms",
                CommandLineTest.EXAMPLES};
        String ex = CommandLineTest.EXAMPLES;
        Path classFile = Files.write(Files.createDirectories(dir.resolve("classes")).resolve("OpenCounter.class"),
                BadInputFuzzTest.classes.get("OpenCounter"));
        soundLines = List.of(
                List.of("translate", "org.jbpf.examples.ProcessCounter", "-cp", ex, "-o", out.toString()),
                List.of("translate", classFile.toString(), "-cp", ex, "-o", out.toString(), "--no-verify"),
                List.of("verify", sound.toString()),
                List.of("verify", "org.jbpf.examples.OpenCounter", "-cp", ex),
                List.of("disasm", sound.toString()),
                List.of("run", sound.toString(), "-d", "1ms"),
                List.of("run", "org.jbpf.examples.ProcessCounter", "-cp", ex, "-d", "1ms", "--top", "3", "--format", "json"),
                List.of("maps"),
                List.of("map", "dump", "/sys/fs/bpf/jbpf-fuzz-no-such-map"),
                List.of("trace", "-d", "1ms"),
                List.of("gen", "btf", "-o", out.toString(), "task_struct.pid"),
                List.of("gen", "tracepoint", "-o", out.toString(), "syscalls/sys_enter_openat"),
                List.of("attach", "999999999", "com.acme.Probe", "--agent-jar", dir.resolve("none.jar").toString()),
                List.of("detach", "999999999", "--agent-jar", dir.resolve("none.jar").toString()),
                List.of("completion"),
                List.of("help", "run"));
        for (List<String> line : soundLines) {
            Cli r = Cli.run(line.toArray(String[]::new));
            // the sound lines are sound: the ones that name nothing missing succeed
            if (!line.get(0).equals("map") && !line.get(0).equals("attach") && !line.get(0).equals("detach"))
                assertEquals(0, r.status(), line + ": " + r.err());
        }
    }

    @Test void corruptedCommandLinesSucceedOrSayWhatIsWrongInOneLine() throws Exception {
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> byStatus = new LinkedHashMap<>();
        Map<Integer, String> firstLine = new LinkedHashMap<>();
        for (int c = 0; c < CASES; c++) {
            if (ONLY != null && c != ONLY) continue;
            Random rnd = new Random(SEED * 83 + c);
            List<String> args = new ArrayList<>(soundLines.get(c % soundLines.size()));
            for (int m = 0, n = 1 + rnd.nextInt(3); m < n; m++) mutate(args, rnd);
            harmless(args);
            Cli r = BadInputCases.cli(args.toArray(String[]::new));
            byStatus.merge(r.status(), 1, Integer::sum);
            if (r.status() != 0) firstLine.putIfAbsent(r.status(), r.err().lines().findFirst().orElse(""));
            String problem = problem(r, args.contains("--verbose"));
            if (problem != null) failures.add("case " + c + " " + args + ": " + problem);
        }
        System.out.println("corrupted command lines (seed " + SEED + "): exit statuses " + byStatus);
        firstLine.forEach((status, line) -> System.out.println("  exit " + status + ": " + line));
        failures.stream().limit(30).forEach(System.out::println);
        assertTrue(failures.isEmpty(), failures.size() + " command lines answered badly; first: " + (failures.isEmpty() ? "" : failures.get(0)));
        if (ONLY == null) assertTrue(byStatus.getOrDefault(ExitCodes.USAGE, 0) >= CASES / 10 && byStatus.getOrDefault(ExitCodes.FAILED, 0) >= CASES / 10,
                "the corruption reaches both the parser and the commands: " + byStatus);
    }

    /** Cases the fuzz found, pinned: each was answered badly before (a run without end, an exception, a wrong exit status). */
    @Test void casesTheFuzzFoundAreAnsweredInOneLine() throws Exception {
        assertOneLine(ExitCodes.USAGE, "jbpf: negative duration '-5s'; write e.g. 10s, 500ms or 2m",
                "run", sound.toString(), "-d", "-5s");  // ran until Ctrl-C
        assertOneLine(ExitCodes.USAGE, "jbpf: duration '9223372036854775807h' is too long; give at most 106751 days",
                "run", sound.toString(), "-d", "9223372036854775807h");  // "long overflow"
        assertOneLine(ExitCodes.USAGE, "jbpf: negative duration '-1ms'; write e.g. 10s, 500ms or 2m", "trace", "-d", "-1ms");
        assertOneLine(ExitCodes.FAILED, "jbpf: /dev/zero: larger than 64 MiB (a device or not such a file); give a BPF object file (.o)",
                "disasm", "/dev/zero");  // read until the heap was full
        Path notes = dir.resolve("notes.o");
        assertOneLine(ExitCodes.FAILED, "jbpf: " + notes + " is a plain file (file system " + Files.getFileStore(notes).type() + "), not a "
                + "pinned map (pinned maps live on a bpf file system such as /sys/fs/bpf)", "map", "dump", notes.toString());  // exit 4, as if a privilege lacked
        assertOneLine(ExitCodes.FAILED, "jbpf: '.' is no STRUCT[.FIELD...] path: C names joined by dots, e.g. task_struct.real_parent.tgid",
                "gen", "btf", "-o", out.toString(), ".");  // "Index 0 out of bounds for length 0"
        Path notAJar = dir.resolve("classes.jar");
        assertOneLine(ExitCodes.FAILED, "jbpf: " + notAJar + ": not a readable jar (zip END header not found); give a jar built by jar or "
                + "Maven, or a directory of classes", "verify", "org.jbpf.examples.OpenCounter", "-cp", notAJar.toString());  // ZipException
    }

    private static void assertOneLine(int status, String line, String... args) throws Exception {
        Cli r = BadInputCases.cli(args);
        assertEquals(line + "\n", r.err(), String.join(" ", args));
        assertEquals(status, r.status(), r.err());
    }

    /** Null when {@code r} is an acceptable answer; else what is wrong with it. --verbose asks for stack traces. */
    static String problem(Cli r, boolean verbose) {
        List<String> lines = r.err().lines().toList();
        if (verbose) return r.status() <= ExitCodes.NO_PRIVILEGE ? null : "exit status " + r.status() + ": " + r.err();
        for (String line : lines)
            if (INTERNALS.matcher(line).find()) return "Java internals on stderr: " + line;
        for (String line : r.out().lines().limit(50).toList())
            if (line.contains("\tat ") || line.matches(".*\\b\\w+(\\.\\w+)+(Exception|Error)\\b.*")) return "Java internals on stdout: " + line;
        switch (r.status()) {
            case ExitCodes.OK: return null;
            case ExitCodes.USAGE:
                return !lines.isEmpty() && lines.get(0).startsWith("jbpf: ") ? null : "a usage error that does not begin with 'jbpf: ': " + r.err();
            case ExitCodes.FAILED, ExitCodes.REJECTED, ExitCodes.NO_PRIVILEGE:
                if (lines.isEmpty()) return "exit " + r.status() + " with nothing on stderr";
                for (String line : lines)
                    if (!line.startsWith("jbpf: ")) return "a line that is not a jbpf message: " + line;
                long errors = lines.stream().filter(l -> !l.startsWith("jbpf: warning: ")).count();
                return r.status() != ExitCodes.FAILED || errors == 1 ? null : errors + " error lines: " + r.err();
            default: return "exit status " + r.status() + ": " + r.err();
        }
    }

    private static void mutate(List<String> args, Random rnd) {
        // the command's own name is left alone mostly, so that most cases reach the command rather than the parser
        int at = args.size() < 2 || rnd.nextInt(10) == 0 ? rnd.nextInt(Math.max(1, args.size())) : 1 + rnd.nextInt(args.size() - 1);
        switch (args.isEmpty() ? 3 : rnd.nextInt(20) == 0 ? 6 : rnd.nextInt(6)) {
            case 0 -> args.remove(at);
            case 1 -> args.add(at, args.get(at));
            case 2 -> java.util.Collections.swap(args, at, rnd.nextInt(args.size()));
            case 3 -> args.add(Math.min(at + 1, args.size()), OPTIONS[rnd.nextInt(OPTIONS.length)]);
            case 4 -> args.set(at, values[rnd.nextInt(values.length)]);
            case 5 -> {
                // an option misspelled or joined to its value
                String a = args.get(at);
                if (a.startsWith("-") && a.length() > 2) args.set(at, rnd.nextBoolean() ? a.substring(0, a.length() - 1) : a + a.charAt(a.length() - 1));
                else if (a.startsWith("-") && at + 1 < args.size()) args.set(at, a + (a.startsWith("--") ? "=" : "") + args.remove(at + 1));
                else args.set(at, values[rnd.nextInt(values.length)]);
            }
            default -> args.set(0, new String[] {"translate", "verify", "disasm", "run", "maps", "map", "trace", "gen", "attach", "detach",
                    "completion", "help", "tranlsate", ""}[rnd.nextInt(14)]);
        }
    }

    /** Makes a case harmless without making it sound: see the class comment. */
    private static void harmless(List<String> args) {
        boolean timed = args.contains("run") || args.contains("trace"), writes = args.contains("translate") || args.contains("gen");
        boolean signals = args.contains("attach") || args.contains("detach");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--duration=") || a.startsWith("-d") && !a.equals("-d")) args.set(i, "--duration=" + bounded(a.substring(a.indexOf(a.startsWith("-d") ? "d" : "=") + 1)));
            if ((a.equals("-d") || a.equals("--duration")) && i + 1 < args.size()) args.set(i + 1, bounded(args.get(i + 1)));
            if (signals && a.matches("[0-9]{1,9}") && ProcessHandle.of(Long.parseLong(a)).isPresent()) args.set(i, "999999999");
        }
        if (timed && !args.contains("-d") && !args.contains("--duration") && args.stream().noneMatch(a -> a.startsWith("--duration=")))
            args.addAll(List.of("-d", "1ms"));
        if (writes) {
            // every output option goes, with "--" (after which "-o" is an input): one "-o DIR" right after the command's
            // name, where nothing before it can take it as its own value, is the only one
            for (int i = args.size() - 1; i >= 0; i--) {
                String a = args.get(i);
                if (a.equals("--")) args.remove(i);
                else if ((a.equals("-o") || a.equals("--output")) && i + 1 < args.size()) args.subList(i, i + 2).clear();
                else if (a.startsWith("-o") || a.startsWith("--output")) args.remove(i);
            }
            int command = 0;
            while (command < args.size() && !args.get(command).equals("translate") && !args.get(command).equals("gen")) command++;
            if (command == args.size()) return;  // the command's name went with an output option: nothing writes
            if (command + 1 < args.size() && (args.get(command + 1).equals("btf") || args.get(command + 1).equals("tracepoint"))) command++;
            args.addAll(command + 1, List.of("-o", out.toString()));
        }
    }

    /** {@code duration} when it is refused or lasts at most 2 s (and is not 0, which runs until Ctrl-C); else 1ms. */
    private static String bounded(String duration) {
        try {
            java.time.Duration d = RunCommand.parseDuration(duration);
            return d.isZero() || d.toMillis() > 2000 ? "1ms" : duration;
        } catch (RuntimeException refused) {
            return duration;
        }
    }
}
