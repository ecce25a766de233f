package org.jbpf.it.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jbpf.it.Workloads.CLASSES;
import static org.jbpf.it.Workloads.JBPF;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.examples.tools.SigSnoop;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.Workloads;
import org.jbpf.testsupport.GatedChild;
import org.jbpf.testsupport.Tools;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a user reads from {@code bin/jbpf run} of the ported tools: ring buffer records field by field with their text,
 * a log2 histogram, globals, and a profile's samples with the stack of the function a process spun in, named from
 * its library or, for a JVM, from its perf map. The workload is a child (Python calling the test's library, or a
 * JVM) let go once jbpf says it attached, and kept alive until jbpf has printed (so its symbols can still be read).
 */
class ToolOutputKernelTest {
    /** A Python child that loads the library, waits to be let go, runs {@code work}, then waits for its stdin to close. */
    static GatedChild child(String work) throws IOException {
        NativeWork.build();
        return GatedChild.start(List.of("python3", "-c", "import ctypes\nlib = ctypes.CDLL('" + NativeWork.PATH + "')\n"
                + "lib.jt_readline.restype = ctypes.c_char_p\n" + GatedChild.PYTHON_GATE + work + "\nsys.stdin.readline()\n"));
    }

    /**
     * {@code bin/jbpf run} of {@code probe} (a class of this package, or a class's full name) with {@code args}, lets {@code child} go at its "attached" line; its stdout
     * lines. On the direct backend {@code run} translates the class itself; for LLVM's, {@code translate --backend llvm}
     * writes the object first and {@code run} loads that, its types from the object's BTF.
     */
    static List<String> run(Backend backend, GatedChild child, String probe, String... args) throws Exception {
        KernelCheck.require();
        String target = probe.contains(".") ? probe : "org.jbpf.it.tools." + probe;
        String name = target.substring(target.lastIndexOf('.') + 1);
        Path dir = null;
        if (backend == Backend.LLVM) {
            dir = Files.createTempDirectory("jt-output");
            Tools.check(JBPF.toString(), "translate", "-cp", CLASSES, target, "-o", dir.toString(), "--backend", "llvm");
            target = dir.resolve(name + ".o").toString();
        }
        List<String> cmd = new ArrayList<>(List.of(JBPF.toString(), "run"));
        if (backend == Backend.DIRECT) cmd.addAll(List.of("-cp", CLASSES));
        cmd.add(target);
        cmd.addAll(List.of(args));
        try {
            return Workloads.jbpf(child, null, cmd);
        } finally {
            if (dir != null) {
                Files.deleteIfExists(dir.resolve(name + ".o"));
                Files.deleteIfExists(dir);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void functionLatencyPrintsItsCallsHistogramAndTotal(Backend backend) throws Exception {
        GatedChild child = child("for n, us in ((5, 1000), (7, 3000), (11, 20000)): lib.jt_work(ctypes.c_long(n), us)");
        int pid = (int) child.pid();
        List<String> lines = run(backend, child, "FunctionLatency", "--const", "targetPid=" + pid, "-d", "3s");
        assertEquals("attached 2 program(s) of FunctionLatency; running for 3s", lines.get(0));
        List<String> events = new ArrayList<>();
        for (String l : lines) if (l.startsWith("event ")) events.add(l.replaceAll("nanos=\\d+", "nanos=N"));
        assertEquals(List.of("event calls: {tid=" + pid + ", argument=5, result=16, nanos=N}", "event calls: {tid=" + pid + ", argument=7, result=22, nanos=N}",
                "event calls: {tid=" + pid + ", argument=11, result=34, nanos=N}"), events);
        int chart = lines.indexOf("map micros (array, log2 histogram)");
        assertTrue(chart > 0, "the histogram's title: " + lines);
        assertEquals(3, Workloads.chartTotal(Workloads.chartRows(lines, chart + 1)), "the rows count the three calls");
        assertEquals("globals: returns=3", lines.get(lines.size() - 1));
        assertTrue(lines.stream().noneMatch(l -> l.contains("started")), "the @Scratch map is not printed");
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("map calls")), "the ring buffer's records printed as they came, not as a map");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void readlineSnoopPrintsItsStringsAsText(Backend backend) throws Exception {
        GatedChild child = child("lib.jt_readline(b'$')\nlib.jt_readline(b'second prompt>')");
        int pid = (int) child.pid();
        List<String> lines = run(backend, child, "ReadlineSnoop", "--const", "targetPid=" + pid, "-d", "2s");
        List<String> events = new ArrayList<>();
        for (String l : lines) if (l.startsWith("event ")) events.add(l);
        assertEquals(List.of("event texts: {tid=" + pid + ", kind=1, length=2, text=$}", "event texts: {tid=" + pid + ", kind=2, length=10, text=$ typed 1}",
                "event texts: {tid=" + pid + ", kind=1, length=15, text=second prompt>}",
                "event texts: {tid=" + pid + ", kind=2, length=24, text=second prompt> typed 14}"), events);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void profilePrintsTheSpinningFunctionUnderItsProcess(Backend backend) throws Exception {
        GatedChild child = child("lib.jt_spin(ctypes.c_long(800))");
        int pid = (int) child.pid();
        List<String> lines = run(backend, child, "Profile", "--const", "targetPid=" + pid, "-d", "3s");
        assertEquals("attached 1 program(s) of Profile; running for 3s", lines.get(0));
        int title = lines.indexOf("map userSamples (hash, " + count(lines, "map userSamples (hash, ") + " stacks)");
        assertTrue(title > 0, "the user samples' title: " + lines);
        long spinning = 0;
        for (int i = title + 1; i + 1 < lines.size() && lines.get(i).startsWith("{"); ) {
            String row = lines.get(i);
            assertTrue(row.matches("\\{pid=" + pid + ", stack=\\d+\\}: \\d+"), "only the target's samples: " + row);
            String innermost = lines.get(i + 1).trim();
            if (innermost.startsWith("jt_spin+0x")) spinning += Long.parseLong(row.substring(row.indexOf(": ") + 2));
            do i++; while (i < lines.size() && lines.get(i).startsWith(" "));
        }
        assertTrue(spinning > 0, "samples whose innermost frame is jt_spin, named from libjtwork.so: " + lines);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("map stacks ")), "the stacks print under the samples, not again in hex");
    }

    /** exitsnoop's records as run prints them: exit codes and names exact, pids and lifetimes left out here. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void exitSnoopPrintsEachChildsExit(Backend backend) throws Exception {
        GatedChild child = child("import subprocess, signal\nsubprocess.call(['/bin/sh', '-c', 'exit 3'])\nsubprocess.call(['/bin/true'])\n"
                + "s = subprocess.Popen(['/bin/sleep', '30'])\ns.send_signal(signal.SIGKILL)\ns.wait()");
        int pid = (int) child.pid();
        List<String> lines = run(backend, child, "ExitSnoop", "--const", "targetPid=" + pid, "-d", "3s");
        assertEquals("attached 1 program(s) of ExitSnoop; running for 3s", lines.get(0));
        List<String> events = new ArrayList<>();
        for (String l : lines) if (l.startsWith("event ")) events.add(l.replaceAll("\\{pid=\\d+, ", "{pid=P, ").replaceAll("lifeNanos=\\d+", "lifeNanos=N"));
        assertEquals(List.of("event exits: {pid=P, parent=" + pid + ", exitCode=768, lifeNanos=N, comm=sh}",
                "event exits: {pid=P, parent=" + pid + ", exitCode=0, lifeNanos=N, comm=true}",
                "event exits: {pid=P, parent=" + pid + ", exitCode=9, lifeNanos=N, comm=sleep}"), events);
    }

    /** sigsnoop's records as run prints them, for signals a Python child sends itself: one ignored by default, one by SIG_IGN, one to its handler. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void sigSnoopPrintsSignalsSentAndTaken(Backend backend) throws Exception {
        GatedChild child = child("import os, signal\nsignal.signal(signal.SIGUSR2, signal.SIG_IGN)\nsignal.signal(signal.SIGUSR1, lambda s, f: None)\n"
                + "os.kill(os.getpid(), signal.SIGWINCH)\nos.kill(os.getpid(), signal.SIGUSR2)\nos.kill(os.getpid(), signal.SIGUSR1)");
        int pid = (int) child.pid();
        List<String> lines = run(backend, child, SigSnoop.class.getName(), "--const", "targetPid=" + pid, "-d", "3s");
        List<String> events = new ArrayList<>();
        for (String l : lines) if (l.startsWith("event ")) events.add(l);
        assertEquals(4, events.size(), String.join("\n", lines));
        assertEquals(List.of("event events: {kind=1, signal=28, code=0, sender=" + pid + ", thread=" + pid + ", result=1, handler=0}",
                "event events: {kind=1, signal=12, code=0, sender=" + pid + ", thread=" + pid + ", result=1, handler=0}",
                "event events: {kind=1, signal=10, code=0, sender=" + pid + ", thread=" + pid + ", result=0, handler=0}"), events.subList(0, 3));
        assertTrue(events.get(3).matches("event events: \\{kind=2, signal=10, code=0, sender=0, thread=" + pid + ", result=0, handler=[1-9]\\d*\\}"),
                "taken by Python's handler, at its address: " + events.get(3));
    }

    /** syncsnoop as run prints it, every line: the attach line, one event per sync call of a Python child in order, the closing time. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void syncSnoopPrintsEachSyncCallLineByLine(Backend backend) throws Exception {
        Path file = Files.createTempFile("jt-syncsnoop", ".data");
        try {
            GatedChild child = child("import os\nos.dup2(os.open('" + file + "', os.O_WRONLY), 50)\nos.write(50, b'x')\nos.fsync(50)\n"
                    + "os.fdatasync(50)\nos.sync()\nctypes.CDLL(None).syncfs(50)\ntry: os.fsync(99)\nexcept OSError: pass");
            int pid = (int) child.pid();
            List<String> lines = run(backend, child, "SyncSnoop", "--const", "targetPid=" + pid, "-d", "2s");
            String event = "event syncs: {tid=" + pid + ", syscall=";
            assertEquals(List.of("attached 8 program(s) of SyncSnoop; running for 2s",
                    event + "74, fd=50, result=0, comm=python3}", event + "75, fd=50, result=0, comm=python3}",
                    event + "162, fd=-1, result=0, comm=python3}", event + "306, fd=50, result=0, comm=python3}",
                    event + "74, fd=99, result=-9, comm=python3}", "", "--- T"), lines.stream().map(l -> l.replaceAll("^--- \\d\\d:\\d\\d:\\d\\d$", "--- T")).toList(),
                    "fsync, fdatasync, sync, syncfs, then fsync of a closed descriptor (EBADF); at the end, the time and no map (the calls map is @Scratch)");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Java frames where jbpf claims them: a JVM started with -XX:+PreserveFramePointer spins in a compiled method, and
     * run names the sampled frames from that JVM's perf map (which it asks the JVM to write).
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void profileNamesTheJitCompiledJavaMethod(Backend backend) throws Exception {
        Path source = Files.createTempFile("JavaSpin", ".java");
        int pid = 0;
        try {
            try (java.io.InputStream in = ToolOutputKernelTest.class.getResourceAsStream("JavaSpin.java")) {
                Files.copy(in, source, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            GatedChild child = GatedChild.start(List.of(java.toString(), "-XX:+PreserveFramePointer", source.toString()));
            pid = (int) child.pid();
            List<String> lines = run(backend, child, "Profile", "--const", "targetPid=" + pid, "-d", "3s", "--top", "5");
            int title = lines.indexOf("map userSamples (hash, " + count(lines, "map userSamples (hash, ") + " stacks)");
            assertTrue(title > 0, "the user samples' title: " + lines);
            String hottest = lines.get(title + 2).trim();
            assertTrue(hottest.contains("JavaSpin.spins(int)") || hottest.contains("JavaSpin.main("),
                    "the hottest stack's innermost frame is the spinning Java method, named from the perf map: " + lines);
        } finally {
            Files.deleteIfExists(source);
            if (pid != 0) Files.deleteIfExists(Path.of("/tmp/perf-" + pid + ".map"));   // written at run's request
        }
    }

    /** The number in the line starting with {@code prefix}, e.g. the stacks of "map userSamples (hash, 12 stacks)". */
    static String count(List<String> lines, String prefix) {
        for (String l : lines) if (l.startsWith(prefix)) return l.substring(prefix.length(), l.indexOf(' ', prefix.length()));
        return "?";
    }
}
