package org.jbpf.it.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * In-place adds counted by the kernel: increment/add on Long and Integer map values and Atomic adds on struct fields
 * lose no event when two threads on different CPUs hit the same entry at once, including the first event of an
 * entry, where both may find it absent and one insert loses (the NOEXIST race).
 */
class CountersKernelTest {
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        int getppid();
        int sched_setaffinity(int pid, long size, long[] mask);
    }

    static final int THREADS = 2, CALLS = 20_000;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void twoCpusCountEveryEvent(Backend backend) throws Exception {
        KernelCheck.require();
        try (BPF bpf = backend.loadAndAttach(Counters.class)) {
            bpf.map(Counters.step).put(0, 3);
            bpf.map(Counters.results).put(0, 0L);
            bpf.map(Counters.watchPid).put(0, (int) ProcessHandle.current().pid());
            runOnCpus(THREADS, CALLS);
            bpf.map(Counters.watchPid).put(0, 0);

            long n = (long) THREADS * CALLS;
            BpfMap<Integer, Long> hits = bpf.map(Counters.hits);
            assertEquals(n, hits.get(0));
            assertEquals(5 * n, hits.get(1));
            assertEquals((int) (3 * n), bpf.map(Counters.small).get(0));
            assertEquals(n, bpf.map(Counters.slots).get(2));
            assertEquals(-7L, bpf.map(Counters.results).get(0), "increment of slot 9 of 4: -E2BIG");
            assertEquals(-7L, bpf.map(Counters.results).get(1), "increment in a full hash map: -E2BIG");
            Counters.Stats s = bpf.map(Counters.stats).get(0);
            assertEquals(n, s.calls);
            assertEquals((int) (2 * n), s.bytes);
        }
    }

    /** One thread: the plain {@code s.plain++} on the looked-up struct counts every call too, with no update call. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void plainFieldAddChangesTheEntryInPlace(Backend backend) throws Exception {
        KernelCheck.require();
        try (BPF bpf = backend.loadAndAttach(Counters.class)) {
            bpf.map(Counters.watchPid).put(0, (int) ProcessHandle.current().pid());
            runOnCpus(1, 1000);
            bpf.map(Counters.watchPid).put(0, 0);
            Counters.Stats s = bpf.map(Counters.stats).get(0);
            assertEquals(1000L, s.plain);
            assertEquals(1000L, s.calls);
            assertEquals(1000L, bpf.map(Counters.perCpu).getPerCpu(0).stream().mapToLong(Long::longValue).sum());
        }
    }

    /** Every round starts with the key absent, so both threads race to insert it; no round may lose an event. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void racingFirstInsertsLoseNothing(Backend backend) throws Exception {
        KernelCheck.require();
        try (BPF bpf = backend.loadAndAttach(Counters.class)) {
            BpfMap<Integer, Long> hits = bpf.map(Counters.hits);
            bpf.map(Counters.watchPid).put(0, (int) ProcessHandle.current().pid());
            int rounds = 2_000, lost = 0;
            CyclicBarrier start = new CyclicBarrier(THREADS), end = new CyclicBarrier(THREADS + 1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int cpu = t;
                threads.add(started(() -> {
                    pin(cpu);
                    try {
                        for (int r = 0; r < rounds; r++) {
                            start.await();
                            LibC.INSTANCE.getppid();
                            end.await();
                            end.await();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (int r = 0; r < rounds; r++) {
                end.await();                       // both threads made their call
                Long got = hits.get(0);
                if (got == null || got != THREADS) lost++;
                hits.remove(0);
                bpf.map(Counters.stats).remove(0);
                end.await();                       // release the next round
            }
            for (Thread t : threads) t.join();
            assertEquals(0, lost, "rounds whose count was not " + THREADS);
        }
    }

    static void runOnCpus(int threads, int calls) throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int cpu = t;
            started.add(started(() -> {
                pin(cpu);
                for (int i = 0; i < calls; i++) LibC.INSTANCE.getppid();
            }));
        }
        for (Thread t : started) t.join();
    }

    static Thread started(Runnable body) {
        Thread t = new Thread(body);
        t.start();
        return t;
    }

    /** Pins the calling thread to one CPU so the threads really run in parallel on different CPUs. */
    static void pin(int cpu) {
        int n = Runtime.getRuntime().availableProcessors();
        LibC.INSTANCE.sched_setaffinity(0, 8, new long[] {1L << (cpu % n)});
    }
}
