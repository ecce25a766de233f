package org.jbpf.it.llvm;

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
import org.junit.jupiter.api.Test;

/**
 * The examples translated through the LLVM backend, loaded by jbpf's loader into the running kernel and attached to
 * real tracepoints: the maps must show what the direct backend's objects show for the same syscalls.
 */
class LlvmExamplesKernelTest {

    @BeforeEach
    void kernel() { LlvmObjects.require(); }

    @Test
    void processCounterCountsClonesOfOneProcess() throws Exception {
        try (BPF bpf = LlvmObjects.loadAndAttach(ProcessCounter.class)) {
            BpfMap<Integer, Long> counts = bpf.map(ProcessCounter.processCount);
            int sh = Syscalls.run(List.of("/bin/sh", "-c", "true & true & true & true & true & wait"));
            assertEquals(5L, counts.get(sh), "clone() calls of the shell " + sh);
            Process late = new ProcessBuilder("/bin/sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; true & wait").start();
            int latePid = (int) late.pid();
            counts.put(latePid, 41L);
            assertTrue(late.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(42L, counts.get(latePid), "the probe incremented the value Java stored");
        }
    }

    @Test
    void openCounterCountsOpenatPerProcess() throws Exception {
        Path f = Files.createTempFile("jbpf-llvm-open", ".txt");
        try (BPF bpf = LlvmObjects.loadAndAttach(OpenCounter.class)) {
            BpfMap<Integer, Long> opens = bpf.map(OpenCounter.opens);
            int few = Syscalls.run(cat(f, 10));
            int many = Syscalls.run(cat(f, 30));
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

    @Test
    void readLatencyTracksStatsHistogramAndDeletesStartTimes() throws Exception {
        try (BPF bpf = LlvmObjects.loadAndAttach(ReadLatency.class)) {
            BpfMap<Integer, Stats> stats = bpf.map(ReadLatency.processStats);
            BpfMap<Integer, Long> start = bpf.map(ReadLatency.start);
            BpfMap<Integer, Long> histogram = bpf.map(ReadLatency.histogram);
            int small = Syscalls.run(dd(200));
            int large = Syscalls.run(dd(700));
            Stats s = stats.get(small), l = stats.get(large);
            assertNotNull(s);
            assertNotNull(l);
            assertEquals(500L, l.count - s.count, "read() difference between dd of 700 and of 200 bytes");
            for (Stats x : List.of(s, l)) {
                assertTrue(x.totalTime > 0, "total time");
                assertTrue(x.maxTime > 0 && x.maxTime <= x.totalTime, "max " + x.maxTime + " within total " + x.totalTime);
            }
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

    @Test
    void eventSamplerSamplesEveryHundredthCall() throws Exception {
        try (BPF bpf = LlvmObjects.loadAndAttach(EventSampler.class)) {
            BpfMap<Integer, Long> counter = bpf.map(EventSampler.counter);
            BpfMap<Integer, Long> sampled = bpf.map(EventSampler.sampled);
            int me = Syscalls.jvmPid();
            for (int i = 0; i < 1050; i++) Syscalls.LibC.INSTANCE.getpid();
            long n = counter.get(me);
            assertTrue(n >= 1050, "counted " + n + " getpid() calls, made 1050");
            assertEquals(n / 100, sampled.get(me), "samples for " + n + " calls");
        }
    }

    @Test
    void perCpuMapsAndStackTraces() throws Exception {
        try (BPF bpf = LlvmObjects.loadAndAttach(PerCpuCounters.class)) {
            int me = Syscalls.jvmPid();
            for (int i = 0; i < 300; i++) Syscalls.LibC.INSTANCE.getppid();
            BpfMap<Integer, Long> total = bpf.map(PerCpuCounters.total);
            BpfMap<Integer, Long> perProcess = bpf.map(PerCpuCounters.perProcess);
            BpfMap<Integer, Long> calls = bpf.map(PerCpuCounters.calls);
            long sum = total.getPerCpu(0).stream().mapToLong(Long::longValue).sum();
            assertTrue(sum >= 300, "per-CPU total " + sum);
            long mine = perProcess.getPerCpu(me).stream().mapToLong(Long::longValue).sum();
            assertEquals(300L, mine, "getppid() calls of this JVM summed over CPUs");
            long stackCalls = calls.get(0) + calls.get(1);
            assertTrue(stackCalls >= 300, "stack id attempts " + stackCalls);
            assertTrue(calls.get(0) > 0, "some user stacks were recorded");
            assertTrue(bpf.map("stacks").size() > 0, "stack trace map has entries");
        }
    }

    @Test
    void printkWritesToTheTraceBuffer() throws Exception {
        Path trace = Path.of("/sys/kernel/tracing/trace");
        try (BPF bpf = LlvmObjects.loadAndAttach(HelloPrintk.class)) {
            Files.writeString(trace, "");
            Syscalls.LibC.INSTANCE.getppid();
            String text = Files.readString(trace);
            int me = Syscalls.jvmPid();
            String tail = text.length() > 2000 ? text.substring(text.length() - 2000) : text;
            assertTrue(text.contains("hello from " + me), "format output in trace:\n" + tail);
            assertTrue(text.contains("pid " + me + " called getppid"), "concatenated output in trace:\n" + tail);
        }
    }

    @Test
    void eventExamplesPassTheKernelVerifierAndAttach() throws Exception {
        for (Class<?> c : List.of(ExecPerfEvents.class, ExecRingEvents.class)) {
            try (BPF bpf = LlvmObjects.loadAndAttach(c)) {
                assertEquals(1, bpf.programs().size(), c.getSimpleName());
                assertEquals(1, bpf.links().size(), c.getSimpleName() + " attached");
            }
        }
    }
}
