package org.jbpf.testsupport;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a kernel test makes the kernel do while its probe is attached, started only once the probe is attached and
 * stopped when the test says so. A test that starts its workload on a timer instead counts events from before the
 * attach, or none at all, whenever translating and attaching take longer than the timer on a loaded machine.
 *
 * <p>The workload runs in a thread named as the test says: a child that thread starts has that command name until
 * it execs, which probes filtering by command name rely on.
 */
public final class Workload {
    /** One step of a workload; may throw, which fails the test at {@link #stop()}. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private final Thread thread;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean started;

    private Workload(String threadName, Step step, boolean repeat) {
        thread = new Thread(() -> {
            try {
                do step.run(); while (repeat && !stopping.get());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, threadName);
        thread.setDaemon(true);
    }

    /** {@code step} run again and again from {@link #start()} until {@link #stop()}. */
    public static Workload repeating(String threadName, Step step) { return new Workload(threadName, step, true); }

    /** {@code step} run once at {@link #start()}. */
    public static Workload once(String threadName, Step step) { return new Workload(threadName, step, false); }

    /** Starts the workload; a second call does nothing. */
    public synchronized void start() {
        if (started) return;
        started = true;
        thread.start();
    }

    /** Whether {@link #start()} was called. */
    public boolean started() { return started; }

    /**
     * Lets the current step finish and waits for it (a one-shot workload runs to its end), then fails with what a
     * step threw. Does nothing for a workload never started.
     */
    public void stop() throws InterruptedException {
        stopping.set(true);
        if (!started) return;
        thread.join();
        Throwable t = failure.get();
        if (t instanceof Error e) throw e;
        if (t != null) throw new AssertionError("the workload failed: " + t, t);
    }
}
