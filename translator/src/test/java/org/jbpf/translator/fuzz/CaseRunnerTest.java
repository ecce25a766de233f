package org.jbpf.translator.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fuzz cases' time bound counts the case's own CPU time, with a wall-clock backstop ten times as long. */
class CaseRunnerTest {

    @Test
    void waitingLongerThanTheBoundIsNoHang() {
        try (CaseRunner runner = new CaseRunner(200)) {
            CaseRunner.Outcome<String> o = runner.run(() -> { Thread.sleep(600); return "done"; });
            assertFalse(o.timedOut());
            assertEquals("done", o.value());
        }
    }

    @Test
    void spinningIsAHangAndTheNextCaseRunsOnAFreshWorker() {
        try (CaseRunner runner = new CaseRunner(200)) {
            CaseRunner.Outcome<Long> spin = runner.run(() -> {
                long n = 0;
                while (!Thread.currentThread().isInterrupted()) n++;
                return n;
            });
            assertTrue(spin.timedOut());
            assertEquals(42, runner.run(() -> 42).value());
        }
    }

    @Test
    void blockingPastTheWallClockBackstopIsAHang() {
        try (CaseRunner runner = new CaseRunner(50)) {
            CaseRunner.Outcome<String> o = runner.run(() -> { Thread.sleep(5_000); return "late"; });
            assertTrue(o.timedOut());
        }
    }

    @Test
    void aThrowingCaseReportsItsException() {
        try (CaseRunner runner = new CaseRunner(200)) {
            CaseRunner.Outcome<String> o = runner.run(() -> { throw new IllegalStateException("bad case"); });
            assertEquals("bad case", o.thrown().getMessage());
            assertFalse(o.timedOut());
        }
    }
}
