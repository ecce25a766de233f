package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.BPF;
import org.jbpf.cli.probes.CommKey;
import org.jbpf.cli.probes.CpuStats;
import org.jbpf.cli.probes.PerCpuStats;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.CStrings;
import org.jbpf.testsupport.Kernel;
import org.jbpf.testsupport.Workload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-CPU struct values combined field by field on the real kernel: execs pinned to CPU 0 three times and to CPU 1
 * twice, under a command name of their own (a link to taskset), give calls 3 and 2 apart and 5 together, while the
 * {@code @Max} field keeps 2 (the highest CPU + 1), where adding would give 3, and the name is not added at all.
 */
class PerCpuKernelTest {
    @TempDir Path dir;

    @BeforeEach void needsKernel() {
        Kernel.requireTracefs();
    }

    /** A command name no other process uses: a link to taskset named after this JVM. */
    private String pinnedExecs(Path link) throws Exception {
        Files.createSymbolicLink(link, Path.of("/usr/bin/taskset"));
        for (int cpu : new int[] {0, 0, 0, 1, 1})
            assertEquals(0, new ProcessBuilder(link.toString(), "-c", Integer.toString(cpu), "/bin/true").start().waitFor());
        return link.getFileName().toString();
    }

    /** {@link #pinnedExecs} once the probe is attached. */
    private Workload execs() {
        return Workload.once("pinnedexecs", () -> pinnedExecs(link()));
    }

    private Path link() {
        return dir.resolve(("cs" + ProcessHandle.current().pid()));
    }

    @Test void bpfMapGivesTheCombinedValueAndEachCpusValue() throws Exception {
        try (BPF bpf = BPF.loadAndAttach(PerCpuStats.class)) {
            String comm = pinnedExecs(link());
            BpfMap<CommKey, CpuStats> stats = bpf.map(PerCpuStats.stats);
            CommKey key = new CommKey();
            key.name = java.util.Arrays.copyOf(comm.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 16);
            // taskset's execve of /bin/true runs pinned; taskset's own execve may run on either CPU
            List<CpuStats> perCpu = stats.getPerCpu(key);
            int total = perCpu.stream().mapToInt(s -> s.calls).sum();
            assertTrue(perCpu.get(0).calls >= 3 && perCpu.get(1).calls >= 2 && total == 5, "calls per CPU: "
                    + perCpu.stream().map(s -> s.calls).toList());
            CpuStats combined = stats.getAggregated(key);
            assertEquals(5, combined.calls, "int fields add up at their width");
            assertEquals(2, combined.cpuPlusOne, "@Max keeps the largest CPU + 1, not the sum");
            assertEquals(comm, CStrings.text(combined.comm), "byte arrays are never added");
            assertEquals(1, stats.entriesAggregated().stream().filter(e -> java.util.Arrays.equals(e.getKey().name, key.name)).count());
        }
    }

    @Test void runPerCpuShowsTheCpusApartAndTheCombinedValue() throws Exception {
        Cli r = Cli.runWhileAttached(execs(), "run", "org.jbpf.cli.probes.PerCpuStats", "-cp", RunKernelTest.TEST_CLASSES, "-d", "4s",
                "--per-cpu");
        assertEquals(0, r.status(), r.err());
        String comm = link().getFileName().toString();
        assertTrue(r.out().contains("map stats (percpu_hash, "), r.out());
        Matcher all = Pattern.compile("\\{name=" + comm + "\\}   all  \\{calls=5, cpuPlusOne=2, comm=" + comm + "\\}").matcher(r.out());
        assertTrue(all.find(), "the combined row:\n" + r.out());
        Matcher cpu1 = Pattern.compile("\\{name=" + comm + "\\}     1  \\{calls=(\\d), cpuPlusOne=2, comm=[^}]*\\}").matcher(r.out());
        assertTrue(cpu1.find() && Integer.parseInt(cpu1.group(1)) >= 2, "CPU 1's own row:\n" + r.out());

    }

    @Test void theLlvmBackendsObjectCombinesTheSameWay() throws Exception {
        Cli t = Cli.run("translate", "org.jbpf.cli.probes.PerCpuStats", "-cp", RunKernelTest.TEST_CLASSES, "--backend", "llvm",
                "-o", dir.toString());
        assertEquals(0, t.status(), t.err());
        Cli r = Cli.runWhileAttached(execs(), "run", dir.resolve("PerCpuStats.o").toString(), "-d", "4s");
        assertEquals(0, r.status(), r.err());
        String comm = link().getFileName().toString();
        assertTrue(r.out().contains("{name=" + comm + "}  {calls=5, cpuPlusOne=2, comm=" + comm + "}"),
                "combined by the marks in the llvm object's BTF:\n" + r.out());
    }
}
