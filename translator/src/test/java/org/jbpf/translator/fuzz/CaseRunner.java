package org.jbpf.translator.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs fuzz cases one at a time on a worker thread with a time bound, so a case that loops forever is reported as a
 * hang instead of stalling the build. The bound is the worker's CPU time, not the wall clock, so a busy machine
 * (other builds on the same cores) does not turn a slow case into a false hang; a wall-clock bound ten times as long
 * still catches a case that blocks without computing. A hung worker is abandoned (it is a daemon) and a fresh one
 * takes over.
 */
final class CaseRunner implements AutoCloseable {
    /** How a case ended: normally with a value, by throwing, or by running out of time. */
    record Outcome<T>(T value, Throwable thrown, boolean timedOut) {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long POLL_MILLIS = 50;

    private ExecutorService worker = newWorker();
    private volatile long workerId = -1;

    private final long timeoutMillis;

    CaseRunner(long timeoutMillis) { this.timeoutMillis = timeoutMillis; }

    <T> Outcome<T> run(Callable<T> task) {
        AtomicLong cpuStart = new AtomicLong(-1);
        Future<T> f = worker.submit(() -> {
            cpuStart.set(THREADS.getCurrentThreadCpuTime());
            return task.call();
        });
        long wallStart = System.nanoTime();
        try {
            while (true) {
                try {
                    return new Outcome<>(f.get(POLL_MILLIS, TimeUnit.MILLISECONDS), null, false);
                } catch (TimeoutException e) {
                    long start = cpuStart.get(), now = workerId < 0 ? -1 : THREADS.getThreadCpuTime(workerId);
                    boolean cpuSpent = start >= 0 && now >= 0 && now - start > TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
                    boolean wallSpent = System.nanoTime() - wallStart > TimeUnit.MILLISECONDS.toNanos(10 * timeoutMillis);
                    if (cpuSpent || wallSpent) {
                        f.cancel(true);
                        worker.shutdownNow();
                        worker = newWorker();
                        return new Outcome<>(null, null, true);
                    }
                }
            }
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fuzzing interrupted", e);
        }
    }

    private ExecutorService newWorker() {
        workerId = -1;
        return Executors.newSingleThreadExecutor(r -> {
            // a deep stack, so only genuinely unbounded recursion overflows it
            Thread t = new Thread(null, r, "fuzz-case", 16L << 20);
            t.setDaemon(true);
            workerId = t.getId();
            return t;
        });
    }

    @Override public void close() { worker.shutdownNow(); }
}
