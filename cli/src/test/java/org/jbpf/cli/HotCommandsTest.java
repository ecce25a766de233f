package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.testsupport.Jvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The picocli-free path of translate and run: the same fields as picocli sets, picocli for anything else, no picocli loaded. */
class HotCommandsTest {
    @Test void translateGetsTheFieldsPicocliWouldSet() {
        String[] args = {"A.class", "-o", "out", "--classpath", "x:y/z", "dir", "--emit", "asm", "--no-verify", "--backend", "llvm"};
        TranslateCommand hot = (TranslateCommand) HotCommands.parse(prefixed("translate", args)).command();
        TranslateCommand pico = new TranslateCommand();
        new CommandLine(pico).parseArgs(args);
        assertEquals(pico.inputs, hot.inputs);
        assertEquals(List.of("A.class", "dir"), hot.inputs);
        assertEquals(pico.output, hot.output);
        assertEquals(pico.classpath, hot.classpath);
        assertEquals(List.of(Path.of("x"), Path.of("y/z")), hot.classpath);
        assertEquals(pico.sourcePath, hot.sourcePath);
        assertEquals(pico.emit, hot.emit);
        assertEquals(pico.noVerify, hot.noVerify);
        assertEquals(pico.backend, hot.backend);
    }

    @Test void runGetsTheFieldsPicocliWouldSet() {
        String[] args = {"-cp", "classes", "com.acme.Probe", "-d", "5s", "-i", "1s", "--clear", "--format", "json", "--top", "7"};
        RunCommand hot = (RunCommand) HotCommands.parse(prefixed("run", args)).command();
        RunCommand pico = new RunCommand();
        new CommandLine(pico).parseArgs(args);
        assertEquals("com.acme.Probe", hot.probe);
        assertEquals(pico.probe, hot.probe);
        assertEquals(pico.classpath, hot.classpath);
        assertEquals(pico.duration, hot.duration);
        assertEquals(pico.interval, hot.interval);
        assertEquals(pico.clear, hot.clear);
        assertEquals(pico.format, hot.format);
        assertEquals(7, hot.top);
        assertEquals(pico.top, hot.top);
    }

    @Test void verboseAnywhereIsTaken() {
        HotCommands.Parsed p = HotCommands.parse("translate", "A.class", "--verbose");
        assertNotNull(p);
        assertTrue(p.verbose());
        assertFalse(HotCommands.parse("run", "X.o").verbose());
    }

    @Test void versionPrintsWhatPicocliPrints() {
        assertNotNull(HotCommands.parse("--version"));
        assertNotNull(HotCommands.parse("-V"));
        java.io.StringWriter pico = new java.io.StringWriter();
        CommandLine cl = Main.commandLine("--version");
        cl.setOut(new java.io.PrintWriter(pico));
        assertEquals(0, cl.execute("--version"));
        Cli hot = Cli.run("--version");
        assertEquals(0, hot.status());
        assertEquals("jbpf 0.1.0\n", hot.out());
        assertEquals(pico.toString(), hot.out());
        assertNull(HotCommands.parse("--version", "translate"), "anything more is picocli's");
    }

    @Test void everythingElseIsLeftToPicocli() {
        assertNull(HotCommands.parse());
        assertNull(HotCommands.parse("verify", "X.o"), "only translate and run");
        assertNull(HotCommands.parse("translate"), "no input: picocli says what is missing");
        assertNull(HotCommands.parse("translate", "--help"));
        assertNull(HotCommands.parse("translate", "A.class", "--bogus"));
        assertNull(HotCommands.parse("translate", "A.class", "-s", "src"), "options it does not know");
        assertNull(HotCommands.parse("translate", "A.class", "-o"), "an option without its value");
        assertNull(HotCommands.parse("translate", "A.class", "--output=out"), "the = form");
        assertNull(HotCommands.parse("run", "A.o", "B.o"), "two probes");
        assertNull(HotCommands.parse("run", "A.o", "--format", "xml"), "a bad value is picocli's to explain");
        assertNull(HotCommands.parse("run", "A.o", "--top", "many"));
        assertNull(HotCommands.parse("run", "A.o", "--serve", "9100"));
        assertNull(HotCommands.parse("run", "A.o", "--verbose", "--verbose"));
    }

    @Test void errorsOnTheFastPathReadAsOnPicoclisPath() {
        Cli r = Cli.run("translate", "does/not/Exist.class");
        assertEquals(ExitCodes.FAILED, r.status());
        assertEquals("jbpf: does/not/Exist.class: no such file or directory\n", r.err());
        Cli verbose = Cli.run("translate", "does/not/Exist.class", "--verbose");
        assertEquals(ExitCodes.FAILED, verbose.status());
        assertTrue(verbose.err().contains("\tat org.jbpf."), verbose.err());
    }

    /** The point of the fast path: a whole translate in a fresh JVM loads not one picocli class. */
    @Test void translateInAFreshJvmLoadsNoPicocliClass(@TempDir Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Jvm.java(), "-Xlog:class+load", "-cp", Jvm.classPath(), "org.jbpf.cli.Main",
                "translate", "org.jbpf.examples.ProcessCounter", "-cp", CommandLineTest.EXAMPLES, "-o", out.toString(), "--no-verify"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log.substring(Math.max(0, log.length() - 2000)));
        assertTrue(Files.exists(out.resolve("ProcessCounter.o")));
        assertTrue(log.contains("org.jbpf.cli.HotCommands "), "the class loading log of the run");
        List<String> picocli = log.lines().filter(l -> l.contains(" picocli.")).toList();
        assertEquals(List.of(), picocli);
    }

    /**
     * A record's generated equals, hashCode and toString are bound through java.lang.runtime.ObjectMethods at their
     * first call, several milliseconds each in a fresh JVM: the records a translate compares spell theirs out. Each
     * lambda, method reference and stream links method handles at its first call too (a fifth of a cold translate's
     * own time when it had forty), and a regular expression compiles at each String.matches: none is on the path.
     */
    @Test void translateWithItsSimulationInAFreshJvmLinksNoMethodHandle(@TempDir Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Jvm.java(), "-Xlog:class+load", "-cp", Jvm.classPath(), "org.jbpf.cli.Main",
                "translate", "org.jbpf.examples.ProcessCounter", "org.jbpf.examples.HelloPrintk", "-cp", CommandLineTest.EXAMPLES,
                "-o", out.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log.substring(Math.max(0, log.length() - 2000)));
        assertTrue(log.contains("verified HelloPrintk."), "a probe with printk formats, checked too: " + log.substring(Math.max(0, log.length() - 2000)));
        assertTrue(log.contains("verified ProcessCounter."), "the simulation ran: " + log.substring(Math.max(0, log.length() - 2000)));
        assertTrue(log.contains("org.jbpf.translator.analysis.Value$Scalar "), "the class loading log of the run");
        assertEquals(List.of(), log.lines().filter(l -> l.contains(" java.lang.runtime.ObjectMethods ")).toList());
        assertEquals(List.of(), log.lines().filter(l -> l.contains("$$Lambda") || l.contains(" java.lang.invoke.LambdaMetafactory ")
                || l.contains(" java.util.stream.ReferencePipeline ") || l.contains(" java.util.regex.Pattern ")).toList());
    }

    /**
     * {@code --version} is the JVM's start and one line: no lambda or method reference, whose first call would set up
     * the JVM's method handles and spin classes for them.
     */
    @Test void versionInAFreshJvmSetsUpNoMethodHandle() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Jvm.java(), "-Xlog:class+load", "-cp", Jvm.classPath(), "org.jbpf.cli.Main", "--version"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        assertTrue(log.contains("org.jbpf.cli.HotCommands "), "the class loading log of the run");
        assertTrue(log.contains("\njbpf 0.1.0\n"), log.substring(Math.max(0, log.length() - 2000)));
        assertEquals(List.of(), log.lines().filter(l -> l.contains("$$Lambda") || l.contains(" java.lang.invoke.LambdaMetafactory ")
                || l.contains("LambdaForm$MH/")).toList());
    }

    /**
     * A lambda is linked through method handles the first time it runs, a fraction of a millisecond each in a fresh JVM:
     * loading, attaching and printing the maps of a .o runs none of the loader's, the maps runtime's or the command
     * line's own, and sets up no JNA direct mapping.
     */
    @Test void runOfAnObjectInAFreshJvmLinksNoLambdaOfTheLoaderRuntimeOrCommandLine(@TempDir Path out) throws Exception {
        org.jbpf.testsupport.Kernel.require();
        Cli translated = Cli.run("translate", "org.jbpf.examples.ProcessCounter", "-cp", CommandLineTest.EXAMPLES, "-o", out.toString(), "--no-verify");
        assertEquals(0, translated.status(), translated.err());
        List<String> cmd = new ArrayList<>(List.of(Jvm.java(), "-Xlog:class+load", "-cp", Jvm.classPath(),
                "-Djava.util.logging.config.class=" + LoggingSetUpThread.class.getName(), "org.jbpf.cli.Main",
                "run", out.resolve("ProcessCounter.o").toString(), "-d", "1ms"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log.substring(Math.max(0, log.length() - 2000)));
        assertTrue(log.contains("attached 1 program(s) of ProcessCounter"), "the run attached: " + log.substring(Math.max(0, log.length() - 2000)));
        assertTrue(log.contains("org.jbpf.runtime.BpfMap "), "the class loading log of the run");
        // no lambda of jbpf's own (reading the object included), and no regular expression compiled on the way
        List<String> lambdas = log.lines().filter(l -> l.contains("$$Lambda") && l.contains(" org.jbpf.")).toList();
        assertEquals(List.of(), lambdas);
        assertEquals(List.of(), log.lines().filter(l -> l.contains(" java.util.regex.Pattern ")).toList());
        // nor does it register a JNA direct mapping, whose set-up of JNA's type descriptions (by reflection, with a
        // proxy class per annotation) costs about 10 ms: a few libc calls go through JNA's generic call
        assertEquals(List.of(), log.lines().filter(l -> l.contains(" com.sun.jna.Structure$FFIType ") || l.contains("$Proxy")).toList());
        // java.util.logging, which JNA's first class asks for, is set up beside the main thread (LoggingAhead)
        assertEquals(List.of("java.util.logging set up on jbpf-logging-ahead"),
                log.lines().filter(l -> l.startsWith("java.util.logging set up on ")).toList());
    }

    /** A logging configuration that says which thread set java.util.logging up (the JDK makes it on that thread). */
    public static final class LoggingSetUpThread {
        public LoggingSetUpThread() { System.err.println("java.util.logging set up on " + Thread.currentThread().getName()); }
    }

    /** Printing ring buffer events too: the event readers' libc calls start generic, as the loader's do. */
    @Test void runWithRingEventsInAFreshJvmSetsUpNoJnaDirectMapping(@TempDir Path out) throws Exception {
        org.jbpf.testsupport.Kernel.require();
        Cli translated = Cli.run("translate", "org.jbpf.examples.ExecRingEvents", "-cp", CommandLineTest.EXAMPLES, "-o", out.toString(), "--no-verify");
        assertEquals(0, translated.status(), translated.err());
        List<String> cmd = new ArrayList<>(List.of(Jvm.java(), "-Xlog:class+load", "-cp", Jvm.classPath(), "org.jbpf.cli.Main",
                "run", out.resolve("ExecRingEvents.o").toString(), "-d", "1ms"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log.substring(Math.max(0, log.length() - 2000)));
        assertTrue(log.contains("org.jbpf.events.EventReader "), "the run read events: " + log.substring(Math.max(0, log.length() - 2000)));
        assertEquals(List.of(), log.lines().filter(l -> l.contains(" com.sun.jna.Structure$FFIType ") || l.contains("$Proxy")).toList());
    }

    private static String[] prefixed(String command, String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }
}
