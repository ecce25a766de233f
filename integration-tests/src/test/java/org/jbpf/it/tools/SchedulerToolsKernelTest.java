package org.jbpf.it.tools;

import static org.jbpf.it.tools.ClassicToolsKernelTest.PID;
import static org.jbpf.it.tools.ClassicToolsKernelTest.awaitQuietly;
import static org.jbpf.it.tools.ClassicToolsKernelTest.join;
import static org.jbpf.it.tools.ClassicToolsKernelTest.load;
import static org.jbpf.it.tools.ClassicToolsKernelTest.pollUntil;
import static org.jbpf.it.tools.ClassicToolsKernelTest.procState;
import static org.jbpf.it.tools.ClassicToolsKernelTest.schedstat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.loader.ProgramInfo;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scheduler tools on BTF-typed tracepoints, which hand the programs the tasks themselves: cpudist (each stretch a
 * thread runs) and wakeup latency (from a wakeup to the switch that runs the woken thread). A thread of the test runs
 * a known workload between two points where it waits; the probes' counts over that window are checked against what
 * the kernel counted for the thread in /proc (context switches, run time, run-queue wait).
 */
class SchedulerToolsKernelTest {

    /** A thread that, released, spins and sleeps five times and then waits again; its counts read at both waits. */
    static final class Worker implements AutoCloseable {
        final CountDownLatch go = new CountDownLatch(1), release = new CountDownLatch(1);
        final int[] tid = new int[1];
        final boolean[] done = new boolean[1];
        final Thread thread;

        Worker(String name) {
            thread = new Thread(() -> {
                tid[0] = Libc.C.gettid();
                awaitQuietly(go);
                for (int i = 0; i < 5; i++) {
                    long end = System.nanoTime() + 3_000_000L;
                    while (System.nanoTime() < end) Thread.onSpinWait();
                    Libc.C.usleep(2000);
                }
                done[0] = true;
                awaitQuietly(release);
            }, name);
            thread.start();
        }

        /**
         * Once the thread waits, off its CPU: run time, run-queue wait, voluntary and involuntary switches (all from
         * /proc). Its state says S as it starts to wait, before the switch away from it: the counts must also hold still.
         */
        long[] parked() throws IOException {
            pollUntil(() -> thread.getState() == Thread.State.WAITING && procState(tid[0]) == 'S');
            long[] last = counts();
            for (int i = 0; i < 400; i++) {
                sleep(5);
                long[] now = counts();
                if (java.util.Arrays.equals(now, last)) return now;
                last = now;
            }
            throw new AssertionError("thread " + tid[0] + " did not come to rest");
        }

        private long[] counts() throws IOException {
            long[] s = schedstat(tid[0]);
            long voluntary = 0, involuntary = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/task/" + tid[0] + "/status"))) {
                if (line.startsWith("voluntary_ctxt_switches:")) voluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                if (line.startsWith("nonvoluntary_ctxt_switches:")) involuntary = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
            return new long[] {s[0], s[1], voluntary, involuntary};
        }

        static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void run() {
            go.countDown();
            pollUntil(() -> done[0]);
        }

        @Override public void close() {
            release.countDown();
            join(thread);
        }
    }

    /** Runs a short sleep in another process, which ran, waited and was woken; its pid. */
    static int strangerSlept() {
        Process p = ClassicToolsKernelTest.start("/bin/sleep", "0.02");
        assertEquals(0, ClassicToolsKernelTest.waitFor(p));
        return (int) p.pid();
    }

    static long get(BpfMap<Integer, Long> map, int key) {
        Long v = map.get(key);
        return v == null ? 0 : v;
    }

    static long total(BpfMap<Integer, Long> histogram) {
        long sum = 0;
        for (long slot : histogram.values()) sum += slot;
        return sum;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void cpuDistCountsEveryStretchTheThreadRan(Backend backend) throws IOException {
        try (BPF bpf = load(backend, CpuDist.class, "targetPid", PID); Worker w = new Worker("jt-cpudist")) {
            long[] before = w.parked();
            long stretchesBefore = get(bpf.map(CpuDist.stretches), w.tid[0]), nsBefore = get(bpf.map(CpuDist.onCpuNs), w.tid[0]);
            long histogramBefore = total(bpf.map(CpuDist.micros));
            long skippedBefore = ProgramInfo.of(bpf.program("onSwitch").fd()).recursionMisses();
            w.run();
            long[] after = w.parked();
            long switches = after[2] - before[2] + after[3] - before[3];
            // /proc counts a switch just before the tracepoint runs the program: give the last one time to land
            pollUntil(() -> get(bpf.map(CpuDist.stretches), w.tid[0]) - stretchesBefore >= switches);
            long stretches = get(bpf.map(CpuDist.stretches), w.tid[0]) - stretchesBefore;
            long onCpu = get(bpf.map(CpuDist.onCpuNs), w.tid[0]) - nsBefore;
            // a stretch is lost with its switch away or with the switch to the thread that began it: either may be a
            // run the kernel skipped and counted, or one of the few events a tracepoint's consumers miss (UnseenEvents)
            long skipped = ProgramInfo.of(bpf.program("onSwitch").fd()).recursionMisses() - skippedBefore;
            assertTrue(stretches <= switches && switches - stretches <= skipped + UnseenEvents.allowance(switches),
                    stretches + " stretches, " + switches + " switches away from the thread by /proc, the kernel skipped the program "
                    + skipped + " times");
            assertTrue(after[2] - before[2] >= 6, "5 sleeps and the wait: " + (after[2] - before[2]) + " voluntary switches");
            long ran = after[0] - before[0];   // by the run queue's clock, which may lag ktime by microseconds a switch
            // a lost stretch takes its time with it: at most one 3 ms spin, or less when a preemption split it
            long slack = stretches * 50_000L + 1_000_000L, lost = (switches - stretches) * 4_000_000L;
            assertTrue(onCpu > 0 && onCpu - ran <= slack && ran - onCpu <= slack + lost,
                    onCpu + " ns on the CPU by the probe, " + ran + " ns by the scheduler");
            // other threads of this JVM run too: the histogram holds at least the worker's stretches
            assertTrue(total(bpf.map(CpuDist.micros)) - histogramBefore >= stretches);
            assertEquals(false, bpf.map(CpuDist.stretches).containsKey(strangerSlept()), "another process's stretches are not counted");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void wakeupLatencyEndsEveryWait(Backend backend) throws IOException {
        try (BPF bpf = load(backend, WakeupLatency.class, "targetPid", PID); Worker w = new Worker("jt-wakeup")) {
            long[] before = w.parked();
            long wakeupsBefore = get(bpf.map(WakeupLatency.wakeups), w.tid[0]), waitedBefore = get(bpf.map(WakeupLatency.waitedNs), w.tid[0]);
            w.run();
            long[] after = w.parked();
            long wakeups = get(bpf.map(WakeupLatency.wakeups), w.tid[0]) - wakeupsBefore;
            long voluntary = after[2] - before[2], involuntary = after[3] - before[3];
            // every wait ends with a wakeup; a thread woken as it was about to wait but preempted first is woken without one
            assertTrue(wakeups >= voluntary && wakeups <= voluntary + involuntary && voluntary >= 6,
                    wakeups + " wakeups, " + voluntary + " voluntary and " + involuntary + " involuntary switches");
            long waited = get(bpf.map(WakeupLatency.waitedNs), w.tid[0]) - waitedBefore;
            long queued = after[1] - before[1];
            assertTrue(waited > 0 && waited <= queued + wakeups * 50_000L, waited + " ns after wakeups, " + queued + " ns queued in all");
            assertEquals(false, bpf.map(WakeupLatency.wakeups).containsKey(strangerSlept()), "another process's wakeups are not counted");
        }
    }
}
