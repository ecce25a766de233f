package org.jbpf.it.examples;

import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.examples.EventSampler;
import org.jbpf.examples.ExecPerfEvents;
import org.jbpf.examples.ExecRingEvents;
import org.jbpf.examples.HelloPrintk;
import org.jbpf.examples.OpenCounter;
import org.jbpf.examples.PerCpuCounters;
import org.jbpf.examples.ProcessCounter;
import org.jbpf.examples.ReadLatency;
import org.jbpf.examples.Stats;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed's examples, translated from Java, loaded into the running kernel, attached to real tracepoints and
 * driven by processes and syscalls this test makes; the maps are read back and checked against what was done.
 */
class ExamplesKernelTest {

    @BeforeEach
    void kernel() { KernelCheck.require(); }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void processCounterCountsClonesOfOneProcess(Backend backend) throws Exception {
        try (BPF bpf = backend.loadAndAttach(ProcessCounter.class)) {
            BpfMap<Integer, Long> counts = bpf.map(ProcessCounter.processCount);
            // each background job makes the shell fork once, and glibc's fork() is the clone syscall; the jobs live until
            // the shell, done forking, kills them (a builtin, no fork), since a SIGCHLD arriving mid-fork restarts
            // clone() and its entry is seen twice (jobs of "sleep 1" relied on five forks taking less than a second)
            int sh = Native.run(List.of("/bin/sh", "-c", "sleep 60 & a=$!; sleep 60 & b=$!; sleep 60 & c=$!; sleep 60 & d=$!; "
                    + "sleep 60 & e=$!; kill $a $b $c $d $e; wait"));
            assertEquals(5L, counts.get(sh), "clone() calls of the shell " + sh);
            assertTrue(counts.keys().contains(sh));
            assertTrue(counts.entries().stream().anyMatch(e -> e.getKey() == sh && e.getValue() == 5L));
            assertTrue(counts.values().contains(5L));
            // userspace writes are seen by the program: it continues counting from what Java put
            counts.put(sh, 100L);
            assertEquals(100L, counts.get(sh));
            assertTrue(counts.remove(sh));
            assertEquals(null, counts.get(sh));
            assertTrue(counts.size() >= 0 && !counts.containsKey(sh));
            // a shell that waits for a line on stdin (read is a builtin: no fork), then forks once: Java stores 41 for it
            // before it sends the line, so the probe's increment comes after, however the machine schedules the two
            Process late = new ProcessBuilder("/bin/sh", "-c", "read go; true & wait").start();
            int latePid = (int) late.pid();
            counts.put(latePid, 41L);
            late.getOutputStream().write('\n');
            late.getOutputStream().close();
            assertTrue(late.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(42L, counts.get(latePid), "the probe incremented the value Java stored");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void openCounterCountsOpenatPerProcess(Backend backend) throws Exception {
        Path f = Files.createTempFile("jbpf-open", ".txt");
        try (BPF bpf = backend.loadAndAttach(OpenCounter.class)) {
            BpfMap<Integer, Long> opens = bpf.map(OpenCounter.opens);
            // the same program with 10 and with 30 file arguments: start-up opens cancel out in the difference
            int few = Native.run(cat(f, 10));
            int many = Native.run(cat(f, 30));
            Long a = opens.get(few), b = opens.get(many);
            assertNotNull(a, "no count for cat " + few);
            assertNotNull(b, "no count for cat " + many);
            assertEquals(20L, b - a, "openat() difference between cat of 30 and of 10 files");
        } finally {
            Files.deleteIfExists(f);
        }
    }

    private static List<String> cat(Path f, int times) {
        List<String> cmd = new ArrayList<>(List.of("/bin/cat"));
        for (int i = 0; i < times; i++) cmd.add(f.toString());
        return cmd;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void readLatencyTracksStatsHistogramAndDeletesStartTimes(Backend backend) throws Exception {
        try (BPF bpf = backend.loadAndAttach(ReadLatency.class)) {
            BpfMap<Integer, Stats> stats = bpf.map(ReadLatency.processStats);
            BpfMap<Integer, Long> start = bpf.map(ReadLatency.start);
            BpfMap<Integer, Long> histogram = bpf.map(ReadLatency.histogram);
            int small = Native.run(dd(200));
            int large = Native.run(dd(700));
            Stats s = stats.get(small), l = stats.get(large);
            assertNotNull(s);
            assertNotNull(l);
            assertEquals(500L, l.count - s.count, "read() difference between dd of 700 and of 200 bytes");
            for (Stats x : List.of(s, l)) {
                assertTrue(x.totalTime > 0, "total time");
                assertTrue(x.maxTime > 0 && x.maxTime <= x.totalTime, "max " + x.maxTime + " within total " + x.totalTime);
            }
            // every exit deleted its start time, so the finished processes' threads have none left
            assertFalse(start.containsKey(small));
            assertFalse(start.containsKey(large));
            long buckets = 0;
            for (Long v : histogram.values()) buckets += v;
            assertTrue(buckets >= s.count + l.count, "histogram holds " + buckets + " reads, at least " + (s.count + l.count));
            assertEquals(64, histogram.keys().size());
        }
    }

    private static List<String> dd(int bytes) {
        return List.of("/bin/dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=" + bytes);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void eventSamplerSamplesEveryHundredthCall(Backend backend) throws Exception {
        try (BPF bpf = backend.loadAndAttach(EventSampler.class)) {
            BpfMap<Integer, Long> counter = bpf.map(EventSampler.counter);
            BpfMap<Integer, Long> sampled = bpf.map(EventSampler.sampled);
            int me = Native.jvmPid();
            for (int i = 0; i < 1050; i++) Native.LibC.INSTANCE.getpid();
            long n = counter.get(me);
            assertTrue(n >= 1050, "counted " + n + " getpid() calls, made 1050");
            assertEquals(n / 100, sampled.get(me), "samples for " + n + " calls");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void perCpuMapsAndStackTraces(Backend backend) throws Exception {
        try (BPF bpf = backend.loadAndAttach(PerCpuCounters.class)) {
            int me = Native.jvmPid();
            for (int i = 0; i < 300; i++) Native.LibC.INSTANCE.getppid();
            BpfMap<Integer, Long> total = bpf.map(PerCpuCounters.total);
            BpfMap<Integer, Long> perProcess = bpf.map(PerCpuCounters.perProcess);
            BpfMap<Integer, Long> calls = bpf.map(PerCpuCounters.calls);
            long sum = total.getPerCpu(0).stream().mapToLong(Long::longValue).sum();
            assertTrue(sum >= 300, "per-CPU total " + sum);
            assertEquals(Runtime.getRuntime().availableProcessors() <= total.getPerCpu(0).size(), true);
            long mine = perProcess.getPerCpu(me).stream().mapToLong(Long::longValue).sum();
            assertEquals(300L, mine, "getppid() calls of this JVM summed over CPUs");
            long stackCalls = calls.get(0) + calls.get(1);
            assertTrue(stackCalls >= 300, "stack id attempts " + stackCalls);
            assertTrue(calls.get(0) > 0, "some user stacks were recorded");
            assertTrue(bpf.map("stacks").size() > 0, "stack trace map has entries");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void printkWritesToTheTraceBuffer(Backend backend) throws Exception {
        Path trace = Path.of("/sys/kernel/tracing/trace");
        try (BPF bpf = backend.loadAndAttach(HelloPrintk.class)) {
            Files.writeString(trace, "");   // clear the buffer
            Native.LibC.INSTANCE.getppid();
            String text = Files.readString(trace);
            int me = Native.jvmPid();
            assertTrue(text.contains("hello from " + me), "format output in trace:\n" + tail(text));
            assertTrue(text.contains("pid " + me + " called getppid"), "concatenated output in trace:\n" + tail(text));
        }
    }

    private static String tail(String s) { return s.length() > 2000 ? s.substring(s.length() - 2000) : s; }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void eventExamplesPassTheKernelVerifierAndAttach(Backend backend) {
        for (Class<?> c : List.of(ExecPerfEvents.class, ExecRingEvents.class)) {
            try (BPF bpf = backend.loadAndAttach(c)) {
                assertEquals(1, bpf.programs().size(), c.getSimpleName());
                assertEquals(1, bpf.links().size(), c.getSimpleName() + " attached");
            }
        }
    }
}
