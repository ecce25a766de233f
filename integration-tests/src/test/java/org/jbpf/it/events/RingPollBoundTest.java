package org.jbpf.it.events;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jbpf.BPF;
import org.jbpf.events.RingBufferReader;
import org.jbpf.examples.events.Record64;
import org.jbpf.examples.events.RingFlood;
import org.jbpf.it.KernelCheck;
import org.junit.jupiter.api.Test;

/**
 * poll(timeout) returns within its timeout while a producer keeps the ring full and the handler is slow, so a
 * {@code while (running) reader.poll(100)} loop sees its flag (it used to stay inside the first poll for as long as
 * records kept coming).
 */
class RingPollBoundTest {
    static final int TIMEOUT_MS = 100, SLACK_MS = 200, HANDLER_MS = 2;

    @Test
    void pollReturnsWithinItsTimeoutUnderAFloodingProducer() throws Exception {
        KernelCheck.require();
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicLong handled = new AtomicLong();
        try (BPF bpf = BPF.load(org.jbpf.translator.Translator.translate(RingFlood.class), RingFlood.class);
             RingBufferReader<Record64> reader = bpf.ringBuffer(RingFlood.events, Record64.class, r -> {
                 handled.incrementAndGet();
                 try {
                     Thread.sleep(HANDLER_MS);
                 } catch (InterruptedException e) {
                     Thread.currentThread().interrupt();
                 }
             })) {
            // the flood ends by itself after 20 s, so a poll that never returns while records come fails rather than hangs
            long stopAt = System.nanoTime() + 20_000_000_000L;
            Thread producer = new Thread(() -> {
                while (producing.get() && System.nanoTime() < stopAt) bpf.program("produce").testRun(new byte[64], 200);
            });
            producer.start();
            try {
                List<Long> millis = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    long t0 = System.nanoTime();
                    reader.poll(TIMEOUT_MS);
                    millis.add((System.nanoTime() - t0) / 1_000_000);
                }
                System.out.println("ring poll(" + TIMEOUT_MS + ") under a flood with a " + HANDLER_MS + " ms handler took " + millis
                        + " ms; " + handled.get() + " records handled");
                for (long ms : millis) assertTrue(ms <= TIMEOUT_MS + SLACK_MS, "poll(" + TIMEOUT_MS + ") took " + ms + " ms: " + millis);
                assertTrue(handled.get() >= 10 * (TIMEOUT_MS / HANDLER_MS) / 2, "the polls handled records: " + handled.get());
            } finally {
                producing.set(false);
                producer.join();
            }
        }
    }
}
