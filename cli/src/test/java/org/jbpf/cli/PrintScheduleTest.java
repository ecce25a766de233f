package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code jbpf run --interval} prints on a grid anchored at the start, whatever each print costs, on a clock of the
 * test's own: so the times are exact and the test cannot be flaky.
 */
class PrintScheduleTest {
    /** A clock that moves only when slept on or when a print takes time; records when each print began. */
    private static final class FakeClock implements PrintSchedule.Clock {
        long now = 5_000_000_000L;  // anything: only differences count
        final long start = now;
        final List<Long> printedAtMillis = new ArrayList<>();
        int sleeps;

        @Override public long nanoTime() { return now; }

        @Override public void sleep(long nanos) {
            sleeps++;
            now += nanos + 1_000_000;  // a sleep wakes a little late, as it does
        }

        Runnable printTaking(long millis) {
            return () -> {
                printedAtMillis.add((now - start) / 1_000_000);
                now += millis * 1_000_000;
            };
        }
    }

    @Test void slowPrintsDoNotPushTheLaterOnesBack() throws Exception {
        FakeClock clock = new FakeClock();
        new PrintSchedule(1000, 5500).run(clock, clock.printTaking(300));
        // drifting by each print's 300 ms (and the late wake-ups) would have printed at 1001, 2302, 3603 and 4904
        assertEquals(List.of(1001L, 2001L, 3001L, 4001L, 5001L), clock.printedAtMillis);
        assertEquals(5501, (clock.now - clock.start) / 1_000_000, "ends at the duration, a wake-up's lateness after it");
    }

    @Test void aPrintLongerThanAnIntervalSkipsTheSlotsItMissed() throws Exception {
        FakeClock clock = new FakeClock();
        new PrintSchedule(1000, 6000).run(clock, clock.printTaking(2500));
        // the print at 1 s ends at 3.5 s: the slots at 2 s and 3 s are gone, the next is at 4 s, not at once
        assertEquals(List.of(1001L, 4001L), clock.printedAtMillis);
    }

    @Test void withoutAnIntervalItOnlyWaitsForTheEnd() throws Exception {
        FakeClock clock = new FakeClock();
        new PrintSchedule(0, 2000).run(clock, clock.printTaking(1));
        assertEquals(List.of(), clock.printedAtMillis);
        assertEquals(1, clock.sleeps, "one sleep for the whole duration");
    }

    @Test void aPrintDueAtTheEndIsLeftToTheFinalPrint() throws Exception {
        FakeClock clock = new FakeClock();
        new PrintSchedule(500, 2000).run(clock, clock.printTaking(0));
        assertEquals(List.of(501L, 1001L, 1501L), clock.printedAtMillis, "2 s is the end: the command prints once more there");
    }
}
