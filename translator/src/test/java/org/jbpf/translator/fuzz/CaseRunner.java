package org.jbpf.translator.fuzz;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs fuzz cases one at a time on a worker thread with a time bound, so a case that loops forever is reported as a
 * hang instead of stalling the build. A hung worker is abandoned (it is a daemon) and a fresh one takes over.
 */
final class CaseRunner implements AutoCloseable {
    /** How a case ended: normally with a value, by throwing, or by running out of time. */
    record Outcome<T>(T value, Throwable thrown, boolean timedOut) {}

    private final long timeoutMillis;
    private ExecutorService worker = newWorker();

    CaseRunner(long timeoutMillis) { this.timeoutMillis = timeoutMillis; }

    <T> Outcome<T> run(Callable<T> task) {
        Future<T> f = worker.submit(task);
        try {
            return new Outcome<>(f.get(timeoutMillis, TimeUnit.MILLISECONDS), null, false);
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause(), false);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            return new Outcome<>(null, null, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fuzzing interrupted", e);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            // a deep stack, so only genuinely unbounded recursion overflows it
            Thread t = new Thread(null, r, "fuzz-case", 16L << 20);
            t.setDaemon(true);
            return t;
        });
    }

    @Override public void close() { worker.shutdownNow(); }
}
