package org.jbpf.cli;

import java.util.concurrent.TimeUnit;

/**
 * When {@code jbpf run} prints its maps: every interval at fixed times from the start (start + k × interval), so the
 * time a print takes does not push the later ones back, until the duration ends. A print that ran so long that whole
 * intervals passed skips their slots rather than printing them back to back.
 */
final class PrintSchedule {
    /** Time as the schedule sees it; the system's, or a test's. */
    interface Clock {
        long nanoTime();

        void sleep(long nanos) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override public long nanoTime() { return System.nanoTime(); }

            @Override public void sleep(long nanos) throws InterruptedException { TimeUnit.NANOSECONDS.sleep(nanos); }
        };
    }

    private final long every, duration;

    /** Prints every {@code everyMillis} (none when 0) for {@code durationMillis} (until interrupted when 0). */
    PrintSchedule(long everyMillis, long durationMillis) {
        this.every = TimeUnit.MILLISECONDS.toNanos(everyMillis);
        this.duration = TimeUnit.MILLISECONDS.toNanos(durationMillis);
    }

    /** Calls {@code print} at each interval's time, returning when the duration is over. */
    void run(Clock clock, Runnable print) throws InterruptedException {
        long start = clock.nanoTime();
        long next = every > 0 ? start + every : Long.MAX_VALUE;
        while (true) {
            long now = clock.nanoTime();
            long left = duration > 0 ? duration - (now - start) : Long.MAX_VALUE;
            if (left <= 0) return;
            long due = every > 0 ? next - now : Long.MAX_VALUE;
            if (due > 0) {
                clock.sleep(Math.min(due, left));
                continue;
            }
            print.run();
            long after = clock.nanoTime() - start;
            // the first slot after this print ended, on the grid of the start
            next = start + (after / every + 1) * every;
        }
    }
}
