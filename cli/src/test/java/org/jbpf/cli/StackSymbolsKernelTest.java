package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.testsupport.Kernel;
import org.jbpf.testsupport.Workload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User stacks named on the real kernel: libc functions from the ELF symbols, Java methods from the JVM's perf map. */
class StackSymbolsKernelTest {
    /** libc's getpid through JNA: an ordinary call into libc, not a cached value. */
    public interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int getpid();
    }

    @TempDir Path dir;

    @BeforeEach void needsKernel() {
        Kernel.requireTracefs();
    }

    /** 30 calls of libc's getpid from this JVM, once. */
    private static Workload thirtyGetpids() {
        return Workload.once("getpidcaller", () -> {
            for (int i = 0; i < 30; i++) LibC.INSTANCE.getpid();
        });
    }

    @Test void theVerifierSimulationAcceptsTheStackProbesTheKernelLoads() {
        Cli v = Cli.run("verify", "org.jbpf.cli.probes.GetpidStacks", "org.jbpf.cli.probes.YieldStacks", "-cp", RunKernelTest.TEST_CLASSES);
        assertEquals(0, v.status(), v.out() + v.err());
    }

    @Test void aStackTakenAtLibcGetpidNamesGetpid() throws Exception {
        Cli r = Cli.runWhileAttached(thirtyGetpids(), "run", "org.jbpf.cli.probes.GetpidStacks", "-cp", RunKernelTest.TEST_CLASSES, "-d", "3s");
        assertEquals(0, r.status(), r.err());
        long pid = ProcessHandle.current().pid();
        // a stack id can be lost to a hash collision in the stack map ([no stack]); every stack taken names getpid
        Matcher mine = Pattern.compile("\\{pid=" + pid + ", stack=-?\\d+\\}: (\\d+)\\n {8}(\\S+)\\n").matcher(r.out());
        long calls = 0, named = 0;
        while (mine.find()) {
            calls += Long.parseLong(mine.group(1));
            if (mine.group(2).equals("getpid+0x0")) named += Long.parseLong(mine.group(1));
            else assertEquals("[no stack]", mine.group(2), mine.group());
        }
        assertTrue(calls >= 25 && named > 0, "this JVM's calls (" + calls + ", " + named + " with getpid+0x0 innermost, "
                + "named from libc's symbols):\n" + r.out());

        Cli folded = Cli.runWhileAttached(thirtyGetpids(), "run", "org.jbpf.cli.probes.GetpidStacks", "-cp", RunKernelTest.TEST_CLASSES,
                "-d", "2s", "--format", "folded");
        assertEquals(0, folded.status(), folded.err());
        assertTrue(folded.err().contains("attached 1 program(s)"), "status on stderr: " + folded.err());
        long atGetpid = 0;
        for (String line : folded.out().split("\n")) {
            if (line.isEmpty()) continue;
            assertTrue(line.matches("\\S.* [1-9]\\d*"), "frames outermost first, then the count: " + line);
            if (line.matches("(.+;)?getpid\\+0x0 \\d+")) atGetpid += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        }
        assertTrue(atGetpid >= 25, "this JVM's calls as folded stacks ending in getpid:\n" + folded.out());
    }

    @Test void aJitCompiledJavaMethodIsNamedFromTheJvmsPerfMap() throws Exception {
        Path source = Path.of("src/test/resources/stacks/YieldSpin.java").toAbsolutePath();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = dir.resolve("child.out");
        // the child spins until killed; jbpf runs only once the JIT has compiled yieldingLoop, so its yields during the
        // run come from compiled code (started on a timer, a loaded machine had not even compiled the child's source).
        // C1 alone: C2 might compile the warm-up's never-taken yield as a trap and leave compiled code at the first yield
        Process child = new ProcessBuilder(java.toString(), "-XX:+PreserveFramePointer", "-XX:TieredStopAtLevel=1",
                "-XX:+PrintCompilation", source.toString(), "600000").redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            awaitCompiled(child, out, "YieldSpin::yieldingLoop (");
            Cli r = Cli.run("run", "org.jbpf.cli.probes.YieldStacks", "-cp", RunKernelTest.TEST_CLASSES, "-d", "3s", "--top", "200");
            assertEquals(0, r.status(), r.err());
            Matcher frame = Pattern.compile("\\{pid=" + child.pid() + ", stack=\\d+\\}: \\d+\\n(?: {8}.*\\n)*? {8}[^\\n]*YieldSpin\\.yieldingLoop\\(\\)\\n")
                    .matcher(r.out());
            assertTrue(frame.find(), "the JIT-compiled yieldingLoop named in the child's stacks:\n" + r.out());
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    /** Waits (up to 120 s) for the child's -XX:+PrintCompilation line of a method compiled whole ({@code what}, not OSR). */
    private static void awaitCompiled(Process child, Path out, String what) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.readString(out).contains(what)) {
            assertTrue(child.isAlive(), "the child exited:\n" + Files.readString(out));
            assertTrue(System.nanoTime() < deadline, "no compilation of " + what + " in 120 s:\n" + Files.readString(out));
            Thread.sleep(50);
        }
    }
}
