package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.examples.ReadLatency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {
    static final String EXAMPLES = Path.of(codeSource()).toString();

    private static java.net.URI codeSource() {
        try {
            return ReadLatency.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"translate", "verify", "disasm", "run", "maps", "map", "trace", "attach", "detach", "completion"})
    void everyCommandHasHelp(String command) {
        Cli r = Cli.run(command, "--help");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("Usage: jbpf " + command), r.out());
    }

    @Test void mapDumpHasHelp() {
        Cli r = Cli.run("map", "dump", "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("Usage: jbpf map dump"), r.out());
    }

    @Test void unknownOptionIsAUsageError() {
        Cli r = Cli.run("translate", "--bogus", "X.class");
        assertEquals(ExitCodes.USAGE, r.status());
        assertUsageError("jbpf: unknown option '--bogus'", "jbpf translate", r);
    }

    /**
     * A command line that does not parse, on every path (the hot commands, picocli's): one line saying what is
     * wrong and what was meant, then the command's synopsis and where its options are; exit 2, no stack trace.
     */
    @Test void badCommandLinesAreOneLineThenTheSynopsis() {
        assertUsageError("jbpf: unknown option '--bogus'", "jbpf", Cli.run("--bogus"));
        assertUsageError("jbpf: unknown option '--duratoin'; did you mean --duration?", "jbpf run",
                Cli.run("run", "x.o", "--duratoin", "1s"));
        assertUsageError("jbpf: unknown command 'tranlate'; did you mean translate or trace or attach?", "jbpf", Cli.run("tranlate", "X.class"));
        assertUsageError("jbpf: unknown command 'frob'", "jbpf map", Cli.run("map", "frob"));
        assertUsageError("jbpf: missing required parameter for option '--const' (NAME=VALUE)", "jbpf run",
                Cli.run("run", "x.o", "--const"));
        assertUsageError("jbpf: missing required parameter: 'PROBE'", "jbpf run", Cli.run("run"));
        assertUsageError("jbpf: unexpected argument 'y.o'", "jbpf run", Cli.run("run", "x.o", "y.o"));
        assertUsageError("jbpf: invalid value for option '--top': 'many' is not an int", "jbpf run", Cli.run("run", "x.o", "--top", "many"));
        assertUsageError("jbpf: missing required parameter: 'PATH'", "jbpf map dump", Cli.run("map", "dump"));
    }

    private static void assertUsageError(String line, String command, Cli r) {
        assertEquals(ExitCodes.USAGE, r.status(), r.err());
        String[] lines = r.err().split("\n");
        assertEquals(line, lines[0], r.err());
        assertTrue(lines[1].startsWith("Usage: " + command + " ["), r.err());
        assertEquals(command + " --help describes every " + (command.equals("jbpf") || command.equals("jbpf map") ? "command" : "option"),
                lines[lines.length - 1], r.err());
        assertTrue(lines.length <= 8, "the synopsis, not the whole help: " + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
    }

    @Test void missingInputIsOneLineWithoutStackTrace() {
        Cli r = Cli.run("translate", "does/not/Exist.class");
        assertEquals(ExitCodes.FAILED, r.status());
        assertEquals("jbpf: does/not/Exist.class: no such file or directory\n", r.err());
    }

    @Test void verboseAddsTheStackTrace() {
        Cli r = Cli.run("--verbose", "disasm", "/nonexistent.o");
        assertEquals(ExitCodes.FAILED, r.status());
        assertTrue(r.err().contains("\tat org.jbpf.cli."), r.err());
    }

    @Test void badDurationIsAUsageError() {
        Cli r = Cli.run("trace", "--duration", "soon");
        assertEquals(ExitCodes.USAGE, r.status());
        assertEquals("jbpf: bad duration 'soon'; write e.g. 10s, 500ms or 2m\n", r.err());
    }

    @Test void translateWritesAnObjectAndEmitsAsmWithJavaLines(@TempDir Path out) throws Exception {
        Cli r = Cli.run("translate", "org.jbpf.examples.ReadLatency", "-cp", EXAMPLES, "-o", out.toString(),
                "-s", "../examples/src/main/java", "--emit", "asm");
        Path o = out.resolve("ReadLatency.o");
        assertTrue(r.out().contains("wrote " + o + " (2 programs, 3 maps)"), r.out() + r.err());
        assertTrue(r.out().contains("@ ReadLatency.java:"), r.out());
        assertTrue(r.out().contains("long latency = ktime() - begin;"), "source text interleaved:\n" + r.out());
        assertEquals(2, ObjectReader.read(Files.readAllBytes(o), "ReadLatency").programs().size());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("verified ReadLatency.exitRead: accepted"), r.out());
    }

    @Test void aRejectedProbeExitsThreeWithItsJavaLineAndIsNotWritten(@TempDir Path out) throws Exception {
        Files.write(out.resolve("Scaled.o"), new byte[] {1, 2, 3});  // a stale object of an earlier translation
        Cli r = Cli.run("translate", "org.jbpf.cli.probes.Scaled", "-o", out.toString());
        assertEquals(ExitCodes.REJECTED, r.status(), r.err());
        assertTrue(r.err().startsWith("jbpf: Scaled.java:12: float and double are not supported"), r.err());
        assertEquals(3, Files.size(out.resolve("Scaled.o")), "nothing written over the old file");
        assertEquals(ExitCodes.REJECTED, Cli.run("verify", "org.jbpf.cli.probes.Scaled").status());
    }

    @Test void aTracepointMissingFromThisMachineIsRejectedAtTranslateWithTheNearestName(@TempDir Path out) {
        org.jbpf.testsupport.Kernel.requireTracefs();
        String said = "jbpf: Misspelled.java:12: no tracepoint syscalls/sys_enter_exceve on this machine; did you mean "
                + "sys_enter_execve? (@Section of onExec)\n";
        Cli r = Cli.run("translate", "org.jbpf.cli.probes.Misspelled", "-o", out.toString());
        assertEquals(ExitCodes.REJECTED, r.status(), r.err());
        assertEquals(said, r.err());
        assertFalse(Files.exists(out.resolve("Misspelled.o")));
        // run and verify of the class say it with the Java line too, before anything is loaded
        for (String[] command : new String[][] {{"run", "org.jbpf.cli.probes.Misspelled", "-d", "1ms"}, {"verify", "org.jbpf.cli.probes.Misspelled"}}) {
            Cli other = Cli.run(command);
            assertEquals(ExitCodes.REJECTED, other.status(), command[0] + ": " + other.err());
            assertEquals(said, other.err(), command[0]);
        }
    }

    @Test void anUnknownBackendIsAUsageErrorNamingTheKnownOnes() {
        Cli r = Cli.run("translate", "org.jbpf.examples.ReadLatency", "-cp", EXAMPLES, "--backend", "gcc");
        assertEquals(ExitCodes.USAGE, r.status());
        assertEquals("jbpf: --backend: backend 'gcc' is not known; choose direct or llvm\n", r.err());
    }

    @Test void helpListsTheExitCodes() {
        for (String command : new String[] {"translate", "verify", "run", "trace", "disasm"})
            assertTrue(Cli.run(command, "--help").out().contains("3 a probe was rejected"), command);
    }

    @Test void durationsAreShownWithTheirUnit() {
        assertEquals("5s", RunCommand.describe(RunCommand.parseDuration("5")));
        assertEquals("500ms", RunCommand.describe(RunCommand.parseDuration("500ms")));
        assertEquals("2m", RunCommand.describe(RunCommand.parseDuration("120s")));
        assertEquals("90s", RunCommand.describe(RunCommand.parseDuration("90s")));
    }

    @Test void wideKeysWidenTheKeyColumnSoValuesStayAligned() {
        String key = "{pid=1234, comm=0x62617368000000000000000000000000}";
        String table = MapPrinter.table(java.util.List.of(new org.jbpf.toolchain.MapText.Entry(key, "7", 0, 7),
                new org.jbpf.toolchain.MapText.Entry("{pid=1, comm=0x00}", "3", 0, 3)), 20);
        String[] lines = table.split("\n");
        int valueColumn = lines[0].indexOf("VALUE");
        assertEquals(key.length() + 2, valueColumn, table);
        assertEquals(valueColumn, lines[1].lastIndexOf("7"), table);
        assertEquals(valueColumn, lines[2].lastIndexOf("3"), table);
    }

    /** The table is put together by hand; it reads exactly as String.format's %20s columns, and tells what it leaves out. */
    @Test void theTableReadsAsFormatsColumns() {
        var rows = java.util.List.of(new org.jbpf.toolchain.MapText.Entry("4242", "17", 4242, 17),
                new org.jbpf.toolchain.MapText.Entry("1", "3", 1, 3), new org.jbpf.toolchain.MapText.Entry("2", "1", 2, 1));
        String expected = String.format("%20s  %s%n%20s  %s%n%20s  %s%n", "KEY", "VALUE", "4242", "17", "1", "3")
                + "(1 more; --top N shows more)\n";
        assertEquals(expected, MapPrinter.table(rows, 2));
        assertEquals("                 KEY  VALUE\n                4242  17\n", MapPrinter.table(rows.subList(0, 1), 5));
        assertEquals(" all", MapPrinter.pad("all", 4));
        assertEquals("toolong", MapPrinter.pad("toolong", 4));
    }

    @Test void translateNoVerifySaysNothingAboutVerification(@TempDir Path out) {
        Cli r = Cli.run("translate", "org.jbpf.examples.ReadLatency", "-cp", EXAMPLES, "-o", out.toString(), "--no-verify");
        assertEquals(0, r.status(), r.err());
        assertFalse(r.err().contains("verif"), r.err());
        assertFalse(r.out().contains("verified"), r.out());
    }

    @Test void translateOfADirectoryFindsOnlyProbes(@TempDir Path out) throws Exception {
        Cli r = Cli.run("translate", EXAMPLES, "-o", out.toString(), "--no-verify");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(out.resolve("ReadLatency.o")));
        assertTrue(Files.exists(out.resolve("ProcessCounter.o")));
        assertFalse(Files.exists(out.resolve("Stats.o")), "a @Struct class is not a probe");
    }

    @Test void verifyReportsTheSimulationsVerdict(@TempDir Path out) {
        assertEquals(0, Cli.run("translate", "org.jbpf.examples.ProcessCounter", "-cp", EXAMPLES, "-o", out.toString(), "--no-verify").status());
        Cli r = Cli.run("verify", out.resolve("ProcessCounter.o").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("verified ProcessCounter.countProcesses: accepted"), r.out());
    }

    @Test void disasmListsMapsAndPrograms(@TempDir Path out) {
        Cli.run("translate", "org.jbpf.examples.ProcessCounter", "-cp", EXAMPLES, "-o", out.toString(), "--no-verify");
        Cli r = Cli.run("disasm", out.resolve("ProcessCounter.o").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("map processCount: hash key 4 value 8 max_entries 4096"), r.out());
        assertTrue(r.out().contains("tracepoint/syscalls/sys_enter_clone countProcesses:"), r.out());
        assertTrue(r.out().contains("exit"), r.out());
    }

    @Test void disasmAndEmitAsmShowGlobalVariablesAndTheirUses(@TempDir Path out) {
        Cli t = Cli.run("translate", "org.jbpf.cli.probes.GetpidGlobals", "-cp", RunKernelTest.TEST_CLASSES, "-o", out.toString(),
                "--emit", "asm");
        assertEquals(0, t.status(), t.err());
        Cli r = Cli.run("disasm", out.resolve("GetpidGlobals.o").toString());
        assertEquals(0, r.status(), r.err());
        for (Cli c : new Cli[] {t, r}) {
            String[] lines = c.out().split("\n");
            java.util.List<String> globals = java.util.Arrays.stream(lines).filter(l -> l.startsWith("global ")).toList();
            assertEquals(java.util.List.of("global calls: .bss offset 0 size 8 = 0", "global last: .bss offset 8 size 16",
                    "global step: .data offset 0 size 4 = 3", "global factor: .rodata offset 0 size 4 = 0 (load-time constant)"),
                    globals.stream().sorted(java.util.Comparator.comparing(l -> l.contains(".data") ? 1 : l.contains(".rodata") ? 2 : 0)).toList(),
                    c.out());
            // each address taken of a variable names it
            for (String use : new String[] {"  ; calls", "  ; step", "  ; factor", "  ; last"})
                assertTrue(java.util.Arrays.stream(lines).anyMatch(l -> l.contains("map_value[") && l.endsWith(use)), use + " in\n" + c.out());
        }
    }

    @Test void completionScriptCompletesTheCommands() {
        Cli r = Cli.run("completion");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("complete -F _complete_jbpf"), r.out().substring(0, 200));
        assertTrue(r.out().contains("translate verify disasm run maps map trace attach detach completion"), "subcommands listed");
    }
}
