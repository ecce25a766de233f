package org.jbpf.it.newuser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.events.PerfBufferReader;
import org.jbpf.events.RingBufferReader;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.metrics.JbpfMetrics;
import org.jbpf.metrics.MetricsServer;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.CStrings;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.toolchain.BtfMarks;
import org.jbpf.toolchain.KernelSymbols;
import org.jbpf.translator.Translator;
import org.jbpf.toolchain.ProcessSymbols;
import org.jbpf.toolchain.StackTraces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Text, arrays, configuration, shared counters and readable output as users write them next: byte loops over thread
 * names, copies between arrays into map values, ring and perf records with strings decoded in Java, constants set
 * before load (a byte array among them), atomic and per-CPU totals under concurrent threads, globals written from Java
 * while attached, kernel and user stacks named in Java, and printk's formats. Both backends, exact values.
 */
class StateAndOutputProbesKernelTest {
    static final int PID = EventProbesKernelTest.PID;

    static BPF load(Backend backend, Class<?> probe) { return EventProbesKernelTest.load(backend, probe); }

    static BpfObject verified(Backend backend, Class<?> probe) {
        BpfObject object = backend.translate(probe);
        for (VerifierResult r : Verifier.verifyAll(object)) assertTrue(r.ok(), probe.getSimpleName() + ": " + r);
        KernelCheck.require();
        return object;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void numbersAreParsedFromThreadNames(Backend backend) {
        try (BPF bpf = load(backend, CommNumbers.class)) {
            Map<Integer, Integer> expected = new java.util.HashMap<>();
            for (String name : List.of("nu-worker-37", "nu-worker-5", "nu-worker-x-12", "nu-worker", "nu-worker-00042")) {
                int[] tid = new int[1];
                Syscalls.on(name, () -> { tid[0] = Syscalls.gettid(); Syscalls.getppid(); });
                String tail = name.substring(name.lastIndexOf('-') + 1);
                if (tail.chars().anyMatch(Character::isDigit)) expected.put(tid[0], Integer.parseInt(tail));
            }
            assertEquals(expected, KernelDataProbesKernelTest.toMap(bpf.map(CommNumbers.numbers)));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void namesAreCopiedReversedAndUpperCased(Backend backend) {
        try (BPF bpf = load(backend, ReversedNames.class)) {
            int[] tid = new int[2];
            Syscalls.on("nu-rev-Abc9", () -> { tid[0] = Syscalls.gettid(); Syscalls.getppid(); });
            Syscalls.on("nu-reverse-long1", () -> { tid[1] = Syscalls.gettid(); Syscalls.getppid(); });
            BpfMap<Integer, ReversedNames.Names> byThread = bpf.map(ReversedNames.byThread);
            ReversedNames.Names a = byThread.get(tid[0]), b = byThread.get(tid[1]);
            assertEquals(List.of("9cbA-ver-un", "NU-REV-ABC9", 11), List.of(CStrings.text(a.reversed), CStrings.text(a.upper), a.length));
            assertEquals(List.of("gnol-esrever-un", "NU-REVERSE-LONG", 15), List.of(CStrings.text(b.reversed), CStrings.text(b.upper), b.length),
                    "a thread name keeps 15 bytes and its NUL");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void openRecordsCarryTextToRingAndPerfBuffers(Backend backend) throws IOException {
        Path dir = Files.createDirectories(Path.of("/tmp/nu-open-events"));
        try (BPF bpf = BPF.builder(verified(backend, OpenEvents.class), OpenEvents.class).constant("targetPid", PID).loadAndAttach()) {
            List<OpenText> ring = new ArrayList<>();
            List<OpenEvents.Open> perf = new ArrayList<>();
            RingBufferReader<OpenText> ringReader = bpf.ringBuffer(OpenEvents.ring, OpenText.class, ring::add);
            PerfBufferReader<OpenEvents.Open> perfReader = bpf.perfBuffer(OpenEvents.perf, OpenEvents.Open.class, (cpu, e) -> perf.add(e));
            int[] tid = new int[1];
            List<String> paths = List.of(dir + "/first", dir + "/second-é", dir + "/" + "x".repeat(120));
            Syscalls.on("nu-opensnoop", () -> {
                tid[0] = Syscalls.gettid();
                for (String p : paths) Syscalls.openAndClose(p, 0);
            });
            EventProbesKernelTest.pollUntil(() -> {
                ringReader.poll(10);
                perfReader.poll(10);
                return mine(ring, tid[0]).size() >= 3 && perf.stream().filter(e -> e.tid == tid[0]).count() >= 3;
            });
            List<String> ringPaths = new ArrayList<>(), perfPaths = new ArrayList<>();
            for (OpenText e : mine(ring, tid[0])) {
                assertEquals("nu-opensnoop", e.comm);
                ringPaths.add(e.path);
            }
            for (OpenEvents.Open e : perf) {
                if (e.tid != tid[0]) continue;
                assertEquals("nu-opensnoop", CStrings.text(e.comm));
                perfPaths.add(CStrings.text(e.path));
            }
            List<String> expected = List.of(paths.get(0), paths.get(1), paths.get(2).substring(0, 95));
            assertEquals(expected, ringPaths, "UTF-8 decoded, a long path cut to 95 bytes and its NUL");
            assertEquals(expected, perfPaths);
        }
    }

    static List<OpenText> mine(List<OpenText> all, int tid) {
        List<OpenText> out = new ArrayList<>();
        for (OpenText e : all) if (e.tid == tid) out.add(e);
        return out;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void constantsConfigureTheFilterBeforeLoad(Backend backend) {
        BpfObject object = verified(backend, ConfiguredFilter.class);
        try (BPF bpf = BPF.builder(object, ConfiguredFilter.class).constant("prefix", "nu-conf".getBytes(StandardCharsets.US_ASCII))
                .constant("threshold", 1000L).constant("enabled", true).constant("scale", (short) 3).loadAndAttach()) {
            Syscalls.on("nu-conf-a", () -> { for (int i = 995; i < 1005; i++) Syscalls.getpgid(i); });
            Syscalls.on("nu-other", () -> { for (int i = 2000; i < 2010; i++) Syscalls.getpgid(i); });
            assertEquals(4L, bpf.global("counted").getLong());
            assertEquals(3L * (1001 + 1002 + 1003 + 1004), bpf.global("scaledSum").getLong());
            assertEquals(6L, bpf.global("skipped").getLong());
            assertEquals("nu-conf", CStrings.text(bpf.global("prefix").bytes()));
        }
        try (BPF bpf = BPF.builder(object, ConfiguredFilter.class).constant("enabled", false).loadAndAttach()) {
            Syscalls.on("nu-conf-b", () -> { for (int i = 995; i < 1005; i++) Syscalls.getpgid(i); });
            assertEquals(List.of(0L, 0L), List.of(bpf.global("counted").getLong(), bpf.global("skipped").getLong()), "switched off");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void atomicTotalsLoseNothingUnderConcurrentThreads(Backend backend) throws InterruptedException {
        try (BPF bpf = load(backend, AtomicTotals.class)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t * 1000;
                threads.add(new Thread(() -> { for (int i = 0; i < 500; i++) Syscalls.getpgid(base + i); }, "nu-atomic-" + t));
            }
            for (Thread t : threads) t.start();
            for (Thread t : threads) t.join();
            AtomicTotals.Totals totals = bpf.map(AtomicTotals.totals).get(0);
            long sum = 0;
            int odd = 0;
            long[] byLowBits = new long[8];
            for (int t = 0; t < 4; t++) for (int i = 0; i < 500; i++) {
                int a = t * 1000 + i;
                sum += a;
                if ((a & 1) != 0) odd++;
                byLowBits[a & 7]++;
            }
            assertEquals(List.of(2000L, sum, odd), List.of(totals.calls, totals.argumentSum, totals.odd));
            assertEquals(Arrays.toString(byLowBits), Arrays.toString(totals.byLowBits));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void perCpuSumsAreAddedUpInJava(Backend backend) throws InterruptedException {
        try (BPF bpf = load(backend, CpuSums.class)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 3; t++) threads.add(new Thread(() -> { for (int i = 1; i <= 300; i++) Syscalls.getpgid(i); }, "nu-cpu-" + t));
            for (Thread t : threads) t.start();
            for (Thread t : threads) t.join();
            List<CpuSums.Sums> perCpu = bpf.map(CpuSums.sums).getPerCpu(0);
            long calls = 0, sum = 0;
            for (int cpu = 0; cpu < perCpu.size(); cpu++) {
                CpuSums.Sums s = perCpu.get(cpu);
                calls += s.calls;
                sum += s.argumentSum;
                assertEquals(s.calls == 0 ? 0 : cpu + 1, s.cpu, "each CPU writes only its own slot");
            }
            assertEquals(900L, calls);
            assertEquals(3L * 300 * 301 / 2, sum);
            assertEquals(900L, bpf.map(CpuSums.sums).getAggregated(0).calls);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void globalsAreChangedFromJavaWhileAttached(Backend backend) {
        try (BPF bpf = load(backend, PausedCounter.class)) {
            Syscalls.on("nu-pause-1", () -> { for (int i = 0; i < 3; i++) Syscalls.getsid(0); });
            bpf.global("paused").set(true);
            Syscalls.on("nu-pause-2", () -> { for (int i = 0; i < 5; i++) Syscalls.getsid(0); });
            bpf.global("paused").set(false);
            bpf.global("step").set(10);
            Syscalls.on("nu-pause-3", () -> { for (int i = 0; i < 2; i++) Syscalls.getsid(0); });
            assertEquals(3L + 20L, bpf.global("count").getLong());
            assertEquals("nu-pause-3", CStrings.text(bpf.global("lastName").bytes()));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void kernelAndUserStacksAreNamed(Backend backend) {
        try (BPF bpf = load(backend, SyscallStacks.class)) {
            int[] tid = new int[1];
            Syscalls.on("nu-stacks", () -> { tid[0] = Syscalls.gettid(); for (int i = 0; i < 4; i++) Syscalls.getppid(); });
            SyscallStacks.Stacks s = bpf.map(SyscallStacks.byThread).get(tid[0]);
            assertEquals(4L, s.calls);
            assertTrue(s.kernel >= 0 && s.user >= 0, s.kernel + " " + s.user);
            Map<Integer, long[]> stacks = StackTraces.read(bpf.map("stacks"));
            List<String> kernel = StackTraces.symbolize(stacks.get(s.kernel), KernelSymbols.load());
            assertTrue(kernel.stream().anyMatch(f -> f.startsWith("do_syscall_64+")), "kernel frames: " + kernel);
            List<String> user = StackTraces.symbolize(stacks.get(s.user), KernelSymbols.load(), ProcessSymbols.of(PID));
            assertTrue(user.get(0).contains("getppid"), "innermost user frame: " + user);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void mapsAreServedAsPrometheusMetrics(Backend backend) throws Exception {
        // the marks (@Histogram) go into the object's BTF as BPF.loadAndAttach's translation puts them there
        byte[] classFile;
        try (var in = ServedCounts.class.getResourceAsStream("ServedCounts.class")) { classFile = in.readAllBytes(); }
        BpfObject object = BtfMarks.apply(verified(backend, ServedCounts.class), classFile,
                Translator.ClassSource.of(ServedCounts.class.getClassLoader()));
        try (BPF bpf = BPF.load(object, ServedCounts.class).attachAll(); MetricsServer server = JbpfMetrics.serve(bpf, "127.0.0.1:0")) {
            long[] arguments = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89};
            Syscalls.on("nu-metrics", () -> { for (long a : arguments) Syscalls.getpgid((int) (1000 + a)); });
            String text = new String(new java.net.URL(server.url()).openStream().readAllBytes(), StandardCharsets.UTF_8);
            long total = 0, odd = 0;
            for (long a : arguments) { total += 1000 + a; if ((a & 1) != 0) odd++; }
            assertEquals(10 - odd, metric(text, "jbpf_served_counts_call_count_total{key=\"0\"}"));
            assertEquals(odd, metric(text, "jbpf_served_counts_call_count_total{key=\"1\"}"));
            assertTrue(text.contains("# TYPE jbpf_served_counts_call_count_total counter"), text);
            assertEquals(10, metric(text, "jbpf_served_counts_totals_calls{index=\"0\"}"));
            assertEquals(total, metric(text, "jbpf_served_counts_totals_argument_total{index=\"0\"}"));
            assertEquals(1089, metric(text, "jbpf_served_counts_totals_largest{index=\"0\"}"));
            assertTrue(text.contains("# TYPE jbpf_served_counts_argument_hist histogram"), text);
            assertEquals(0, metric(text, "jbpf_served_counts_argument_hist_bucket{le=\"511.0\"}"), "cumulative buckets");
            assertEquals(7, metric(text, "jbpf_served_counts_argument_hist_bucket{le=\"1023.0\"}"), "1001 to 1021 in [512, 1024)");
            assertEquals(10, metric(text, "jbpf_served_counts_argument_hist_bucket{le=\"2047.0\"}"));
            assertEquals(10, metric(text, "jbpf_served_counts_argument_hist_bucket{le=\"+Inf\"}"));
            assertEquals(1089, metric(text, "jbpf_served_counts_last_argument"));
        }
    }

    /** The value of the sample line starting with {@code series} in Prometheus text, as a whole number. */
    static long metric(String text, String series) {
        for (String line : text.split("\n"))
            if (line.startsWith(series + " ")) return (long) Double.parseDouble(line.substring(series.length() + 1).trim());
        throw new AssertionError("no sample " + series + " in:\n" + text);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void printkFormatsWriteWhatJavaFormats(Backend backend) {
        try (BPF bpf = BPF.load(verified(backend, PrintkFormats.class), PrintkFormats.class)) {
            BpfMap<Integer, Long> in = bpf.map(PrintkFormats.in), out = bpf.map(PrintkFormats.out);
            long[][] inputs = {{255, 48879}, {-1, -2}, {123456789012L, 70000}, {0, 0}, {Long.MIN_VALUE, 1}};
            for (long[] ab : inputs) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                int small = (int) ab[0];
                short tiny = (short) ab[1];
                List<String> lines = List.of(
                        "nu-fmt hex=" + Long.toHexString(ab[0]) + " HEX=" + Long.toHexString(ab[1]).toUpperCase(),
                        "nu-fmt u=" + Long.toUnsignedString(small) + " i=" + tiny + " d=" + (ab[0] - ab[1]),
                        "nu-fmt " + ab[0] % 100 + "% of 100",
                        "nu-fmt small=" + small + " tiny=" + tiny,
                        String.format("nu-fmt pad=%08x left=%-6d| c=%c", ab[0] & 0xffff, tiny, (char) ('A' + (ab[1] & 15))));
                for (int k = 0; k < 5; k++)
                    assertEquals((long) lines.get(k).length(), out.get(k), lines.get(k) + " (" + backend + ")");
            }
        }
    }
}
