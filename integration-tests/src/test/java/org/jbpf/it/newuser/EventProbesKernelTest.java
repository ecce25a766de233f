package org.jbpf.it.newuser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jbpf.BPF;
import org.jbpf.runtime.CStrings;
import org.jbpf.Helpers;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.events.PerfBufferReader;
import org.jbpf.events.RingBufferReader;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tracing probes written as new users write them from the seed guide and the README, on both backends: each is
 * accepted by the verifier simulation, loaded and attached, and counts exactly the system calls that threads named
 * {@code nu-...} make (the probes filter on that name, so other processes on the machine do not disturb the counts).
 */
class EventProbesKernelTest {
    static final int PID = (int) ProcessHandle.current().pid();

    static BPF load(Backend backend, Class<?> probe) {
        BpfObject object = backend.translate(probe);
        for (VerifierResult r : Verifier.verifyAll(object)) assertTrue(r.ok(), probe.getSimpleName() + ": " + r);
        KernelCheck.require();
        return attach(BPF.load(object, probe));
    }

    static BPF loadWithPid(Backend backend, Class<?> probe) {
        BpfObject object = backend.translate(probe);
        for (VerifierResult r : Verifier.verifyAll(object)) assertTrue(r.ok(), probe.getSimpleName() + ": " + r);
        KernelCheck.require();
        return BPF.builder(object, probe).constant("targetPid", PID).loadAndAttach();
    }

    private static BPF attach(BPF bpf) {
        try {
            return bpf.attachAll();
        } catch (RuntimeException e) {
            bpf.close();
            throw e;
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void seedCounterCountsPerThread(Backend backend) {
        try (BPF bpf = load(backend, SeedCounter.class)) {
            Syscalls.on("nu-seed-a", () -> { for (int i = 0; i < 37; i++) Syscalls.getppid(); });
            Syscalls.on("nu-seed-b", () -> { for (int i = 0; i < 11; i++) Syscalls.getppid(); });
            Syscalls.on("other-seed", () -> { for (int i = 0; i < 20; i++) Syscalls.getppid(); });
            List<Long> counts = new ArrayList<>(bpf.map(SeedCounter.calls).values());
            Collections.sort(counts);
            assertEquals(List.of(11L, 37L), counts);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void perCpuCountersSumOverCpus(Backend backend) {
        try (BPF bpf = load(backend, PerCpuCounts.class)) {
            Syscalls.on("nu-percpu", () -> { for (int i = 0; i < 40; i++) Syscalls.getpgid(i); });
            BpfMap<Integer, Long> totals = bpf.map(PerCpuCounts.totals);
            assertEquals(20L, totals.getAggregated(0));
            assertEquals(20L, totals.getAggregated(1));
            assertEquals(780L, totals.getAggregated(3), "lookup and update of this CPU's slot");
            BpfMap<Integer, Long> byArgument = bpf.map(PerCpuCounts.byArgument);
            for (int k = 0; k < 8; k++) assertEquals(5L, byArgument.getAggregated(k), "argument & 7 == " + k);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void structValuesKeepCountTotalAndMaximum(Backend backend) {
        try (BPF bpf = load(backend, StatsValues.class)) {
            Syscalls.on("nu-stats", () -> { for (int i = 1; i <= 20; i++) Syscalls.getpgid(i * 7 % 23); });
            StatsValues.Stats s = bpf.map(StatsValues.processStats).get(PID);
            long total = 0, max = 0;
            for (int i = 1; i <= 20; i++) { total += i * 7 % 23; max = Math.max(max, i * 7 % 23); }
            assertEquals(20, s.count);
            assertEquals(total, s.totalTime);
            assertEquals(max, s.maxTime);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void lruMapEvictsInsteadOfFailing(Backend backend) {
        try (BPF bpf = load(backend, LruRecent.class)) {
            Syscalls.on("nu-lru", () -> { for (int i = 0; i < 300; i++) Syscalls.getpgid(100_000 + i); });
            BpfMap<Long, Long> lastSeen = bpf.map(LruRecent.lastSeen);
            assertEquals(0L, bpf.global("failedUpdates").getLong(), "an LRU update never fails for a full map");
            int size = lastSeen.size();
            assertTrue(size > 0 && size <= 64, "entries: " + size);
            assertTrue(lastSeen.containsKey(100_299L), "the latest key is kept");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void structEventsReachRingAndPerfBuffers(Backend backend) throws Exception {
        try (BPF bpf = load(backend, RingEvents.class)) {
            List<RingEvents.Event> ring = new ArrayList<>(), perf = new ArrayList<>(), reserved = new ArrayList<>();
            RingBufferReader<RingEvents.Event> ringReader = bpf.ringBuffer(RingEvents.events, RingEvents.Event.class, ring::add);
            RingBufferReader<RingEvents.Event> reservedReader = bpf.ringBuffer(RingEvents.reserved, RingEvents.Event.class, reserved::add);
            PerfBufferReader<RingEvents.Event> perfReader = bpf.perfBuffer(RingEvents.perfEvents, RingEvents.Event.class, (cpu, e) -> perf.add(e));
            Syscalls.on("nu-ring", () -> { for (int i = 0; i < 30; i++) Syscalls.getpgid(200_000 + i); });
            pollUntil(() -> { ringReader.poll(10); reservedReader.poll(10); perfReader.poll(10);
                return ring.size() >= 30 && reserved.size() >= 15 && perf.size() >= 10; });
            assertEquals(30, ring.size());
            for (int i = 0; i < 30; i++) {
                RingEvents.Event e = ring.get(i);
                assertEquals(200_000 + i, e.argument);
                assertEquals(PID, e.pid);
                assertEquals("nu-ring", CStrings.text(e.comm));
                assertTrue(e.timestamp > 0 && e.tid != PID);
            }
            List<Long> perfArguments = new ArrayList<>(), reservedArguments = new ArrayList<>();
            for (RingEvents.Event e : perf) perfArguments.add(e.argument);
            for (RingEvents.Event e : reserved) { reservedArguments.add(e.argument); assertEquals("nu-ring", CStrings.text(e.comm)); }
            Collections.sort(perfArguments);
            List<Long> multiplesOf3 = new ArrayList<>(), evens = new ArrayList<>();
            for (long a = 200_000; a < 200_030; a++) { if (a % 3 == 0) multiplesOf3.add(a); if (a % 2 == 0) evens.add(a); }
            assertEquals(multiplesOf3, perfArguments);
            assertEquals(evens, reservedArguments, "odd arguments were discarded");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void callsAreCountedPerUserStack(Backend backend) {
        try (BPF bpf = load(backend, StackCounts.class)) {
            Syscalls.on("nu-stack", () -> { for (int i = 0; i < 25; i++) Syscalls.getsid(0); });
            long total = 0;
            for (Map.Entry<StackCounts.Key, Long> e : bpf.map(StackCounts.counts).entries()) {
                assertEquals(PID, e.getKey().pid);
                assertTrue(e.getKey().stack >= 0);
                total += e.getValue();
            }
            assertEquals(25L, total);
            assertEquals(0L, bpf.global("failures").getLong());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void latencyHistogramHoldsEveryCall(Backend backend) {
        try (BPF bpf = load(backend, Latency.class)) {
            Syscalls.on("nu-latency", () -> { for (int i = 0; i < 40; i++) Syscalls.getsid(0); });
            long total = 0;
            for (long n : bpf.map(Latency.latency).values()) total += n;
            assertEquals(40L, total);
            assertEquals(0, bpf.map(Latency.start).size(), "every start time was deleted at exit");
            assertEquals(0L, bpf.global("unmatched").getLong());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyFifthEventIsSampled(Backend backend) {
        try (BPF bpf = load(backend, Sampling.class)) {
            List<Sampling.Sample> samples = new ArrayList<>();
            RingBufferReader<Sampling.Sample> reader = bpf.ringBuffer(Sampling.samples, Sampling.Sample.class, samples::add);
            Syscalls.on("nu-sample", () -> { for (int i = 0; i < 23; i++) Syscalls.getppid(); });
            pollUntil(() -> { reader.poll(10); return samples.size() >= 4; });
            assertEquals(23L, bpf.map(Sampling.counter).get(PID));
            List<Long> seen = new ArrayList<>();
            for (Sampling.Sample s : samples) { seen.add(s.seen); assertEquals(PID, s.pid); }
            assertEquals(List.of(5L, 10L, 15L, 20L), seen);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void typedRecordAndReturnValuesOfOneProcess(Backend backend) {
        try (BPF bpf = loadWithPid(backend, TypedRecords.class)) {
            int[] sid = new int[1], tid = new int[1];
            Syscalls.on("nu-typed", () -> {
                for (int i = 1; i <= 10; i++) Syscalls.getpgid(1_000_000_000 + i);
                for (int i = 0; i < 5; i++) sid[0] = Syscalls.getsid(0);
                tid[0] = Syscalls.gettid();
            });
            assertEquals(tid[0], bpf.global("lastThread").getInt(), "ctx.commonPid() is the calling thread");
            assertEquals(55L, bpf.global("argumentSum").getLong());
            assertEquals(10L, bpf.global("calls").getLong());
            assertEquals(121, bpf.global("lastSyscall").getInt(), "getpgid's number on x86-64");
            assertEquals(5L * sid[0], bpf.global("returnSum").getLong());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void printkReturnsTheBytesItWrote(Backend backend) {
        BpfObject object = backend.translate(PrintkValues.class);
        for (VerifierResult r : Verifier.verifyAll(object)) assertTrue(r.ok(), r.toString());
        KernelCheck.require();
        try (BPF bpf = BPF.load(object, PrintkValues.class)) {
            BpfMap<Integer, Long> in = bpf.map(PrintkValues.in), out = bpf.map(PrintkValues.out);
            long[][] inputs = {{5, -3}, {0, 0}, {123456789012L, 42}, {Long.MIN_VALUE, Long.MAX_VALUE}};
            for (long[] ab : inputs) {
                in.put(0, ab[0]);
                in.put(1, ab[1]);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                assertEquals(("nu-printk " + ab[0] + "\n").length(), out.get(0));
                assertEquals(("nu-printk " + ab[0] + " " + ab[1] + "\n").length(), out.get(1));
                assertEquals(("nu-printk " + ab[0] + " " + ab[1] + " " + (ab[0] + ab[1]) + "\n").length(), out.get(2));
                assertEquals(("nu-printk sum=" + ab[0] * 2 + " b=" + ab[1]).length(), out.get(3));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void rawSysEnterCountsBySyscallNumber(Backend backend) {
        try (BPF bpf = load(backend, RawSyscalls.class)) {
            Syscalls.on("nu-raw", () -> {
                for (int i = 0; i < 7; i++) Syscalls.getppid();
                for (int i = 0; i < 5; i++) Syscalls.getpgid(0);
                for (int i = 0; i < 3; i++) Syscalls.getsid(0);
            });
            BpfMap<Integer, Long> counts = bpf.map(RawSyscalls.counts);
            assertEquals(List.of(7L, 5L, 3L, 0L), List.of(counts.get(0), counts.get(1), counts.get(2), counts.get(3)));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void currentTaskReadsThroughCoRe(Backend backend) {
        try (BPF bpf = loadWithPid(backend, Parents.class)) {
            Syscalls.on("nu-core", () -> { for (int i = 0; i < 3; i++) Syscalls.getsid(0); });
            assertEquals(3L, bpf.global("matches").getLong());
            assertEquals(PID, bpf.global("seenTgid").getInt());
            assertEquals((int) ProcessHandle.current().parent().orElseThrow().pid(), bpf.global("seenParent").getInt());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void entriesAreDeletedAgain(Backend backend) {
        try (BPF bpf = load(backend, DeleteOnExit.class)) {
            Syscalls.on("nu-delete", () -> {
                for (int i = 0; i < 4; i++) Syscalls.getppid();
                Syscalls.getsid(0);
                Syscalls.getsid(0);
            });
            assertEquals(0, bpf.map(DeleteOnExit.live).size());
            assertEquals(1L, bpf.global("deleted").getLong());
            assertEquals(1L, bpf.global("missing").getLong());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void structValuesHoldHistogramsAndRecentArguments(Backend backend) {
        try (BPF bpf = load(backend, ArgumentHistogram.class)) {
            Syscalls.on("nu-histogram", () -> { for (int i = 1; i <= 21; i++) Syscalls.getpgid(i * 5); });
            BpfMap<Integer, ArgumentHistogram.Summary> summaries = bpf.map(ArgumentHistogram.summaries);
            for (int parity = 0; parity < 2; parity++) {
                long[] buckets = new long[32];
                int[] recent = new int[4];
                int count = 0;
                for (int i = 1; i <= 21; i++) {
                    int arg = i * 5;
                    if ((arg & 1) != parity) continue;
                    buckets[Helpers.log2(arg)]++;
                    recent[count & 3] = arg;
                    count++;
                }
                ArgumentHistogram.Summary s = summaries.get(parity);
                assertEquals(count, s.count, "parity " + parity);
                assertEquals(count, s.next);
                assertArrayEquals(buckets, s.buckets);
                assertArrayEquals(recent, s.recent);
            }
            assertNull(summaries.get(2));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void narrowKeysAndTernaryLookups(Backend backend) {
        try (BPF bpf = load(backend, NarrowKeys.class)) {
            Syscalls.on("nu-keys", () -> { for (int i = 0; i < 20; i++) Syscalls.getpgid(i % 13); });
            BpfMap<Long, Integer> byArgument = bpf.map(NarrowKeys.byArgument);
            for (long k = 0; k < 13; k++) assertEquals(k < 7 ? 2 : 1, byArgument.get(k), "argument " + k);
            BpfMap<Short, Byte> byLowBits = bpf.map(NarrowKeys.byLowBits);
            for (short k = 0; k < 13; k++) assertEquals((byte) (k < 7 ? 2 : 1), byLowBits.get(k), "low bits " + k);
            long even = 0, odd = 0, count = 0, total = 0;
            for (int i = 0; i < 20; i++) {
                int arg = i % 13;
                if ((arg & 1) == 0) even += arg; else odd += arg;
                if (arg >= 10) { count++; total += arg; }
            }
            assertEquals(even, bpf.map(NarrowKeys.byParity).get((byte) 0));
            assertEquals(odd, bpf.map(NarrowKeys.byParity).get((byte) 1));
            NarrowKeys.Stats s = bpf.map(NarrowKeys.large).get(PID);
            assertEquals(count, s.count);
            assertEquals(total, s.total);
        }
    }

    /** Polls until the condition holds or five seconds pass. */
    static void pollUntil(BooleanSupplier done) {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < end) Thread.onSpinWait();
    }
}
