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

    /** Waits until this JVM holds an attachment (jbpf run loads in this JVM), then a little more. */
    static void awaitAttached() throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            try (var fds = Files.list(Path.of("/proc/self/fd"))) {
                if (fds.anyMatch(fd -> {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        return target.contains("bpf_link") || target.contains("perf_event");
                    } catch (Exception gone) {
                        return false;
                    }
                })) break;
            }
            Thread.sleep(20);
        }
        Thread.sleep(200);
    }

    @Test void theVerifierSimulationAcceptsTheStackProbesTheKernelLoads() {
        Cli v = Cli.run("verify", "org.jbpf.cli.probes.GetpidStacks", "org.jbpf.cli.probes.YieldStacks", "-cp", RunKernelTest.TEST_CLASSES);
        assertEquals(0, v.status(), v.out() + v.err());
    }

    @Test void aStackTakenAtLibcGetpidNamesGetpid() throws Exception {
        Thread caller = new Thread(() -> {
            try {
                awaitAttached();
                for (int i = 0; i < 30; i++) LibC.INSTANCE.getpid();  // the first may race the uprobe's attachment
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        caller.start();
        Cli r = Cli.run("run", "org.jbpf.cli.probes.GetpidStacks", "-cp", RunKernelTest.TEST_CLASSES, "-d", "3s");
        caller.join();
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

        Thread again = new Thread(() -> {
            try {
                awaitAttached();
                for (int i = 0; i < 30; i++) LibC.INSTANCE.getpid();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        again.start();
        Cli folded = Cli.run("run", "org.jbpf.cli.probes.GetpidStacks", "-cp", RunKernelTest.TEST_CLASSES, "-d", "2s",
                "--format", "folded");
        again.join();
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
        Process child = null;
        try {
            Process[] started = new Process[1];
            Thread starter = new Thread(() -> {
                try {
                    awaitAttached();
                    started[0] = new ProcessBuilder(java.toString(), "-XX:+PreserveFramePointer", source.toString(), "30000")
                            .redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile()).start();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            starter.start();
            Cli r = Cli.run("run", "org.jbpf.cli.probes.YieldStacks", "-cp", RunKernelTest.TEST_CLASSES, "-d", "5s", "--top", "200");
            starter.join();
            child = started[0];
            assertEquals(0, r.status(), r.err());
            Matcher frame = Pattern.compile("\\{pid=" + child.pid() + ", stack=\\d+\\}: \\d+\\n(?: {8}.*\\n)*? {8}[^\\n]*YieldSpin\\.yieldingLoop\\(\\)\\n")
                    .matcher(r.out());
            assertTrue(frame.find(), "the JIT-compiled yieldingLoop named in the child's stacks:\n" + r.out());
        } finally {
            if (child != null) child.destroyForcibly().waitFor();
        }
    }
}
