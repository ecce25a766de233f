package org.jbpf.it.events;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jbpf.BPF;
import org.jbpf.events.RingBufferReader;
import org.jbpf.examples.events.Record64;
import org.jbpf.examples.events.RingFlood;
import org.jbpf.it.KernelCheck;
import org.junit.jupiter.api.Test;

/**
 * poll(timeout) stops handing out records once its timeout has passed while a producer keeps the ring full and the
 * handler is slow, so a {@code while (running) reader.poll(100)} loop sees its flag (it used to stay inside the first
 * poll for as long as records kept coming).
 *
 * <p>What is counted is records, not milliseconds: how many records each poll began to hand out after its timeout.
 * The reader looks at the clock after its first {@link #FIRST_BATCH} records and after every record from then on
 * (with this slow a handler), so no more than that many begin late, however slowly a loaded machine runs the
 * handler's sleeps. A poll that ignored its timeout would hand out the whole ring, about 56 records of 64 bytes,
 * of which at most 10 fit in the timeout.
 */
class RingPollBoundTest {
    static final int TIMEOUT_MS = 100, HANDLER_MS = 10, FIRST_BATCH = 16;
    /** A Record64 in the ring: 8 bytes of header, 64 of record. */
    static final int RECORD_BYTES = 72;

    @Test
    void pollStopsHandingOutRecordsOnceItsTimeoutPassed() throws Exception {
        KernelCheck.require();
        AtomicBoolean producing = new AtomicBoolean(true);
        List<Long> starts = java.util.Collections.synchronizedList(new ArrayList<>());
        try (BPF bpf = BPF.load(org.jbpf.translator.Translator.translate(RingFlood.class), RingFlood.class);
             RingBufferReader<Record64> reader = bpf.ringBuffer(RingFlood.events, Record64.class, r -> {
                 starts.add(System.nanoTime());
                 try {
                     Thread.sleep(HANDLER_MS);
                 } catch (InterruptedException e) {
                     Thread.currentThread().interrupt();
                 }
             })) {
            // the flood ends by itself after 60 s, so a poll that never returns while records come fails rather than hangs
            long stopAt = System.nanoTime() + 60_000_000_000L;
            Thread producer = new Thread(() -> {
                while (producing.get() && System.nanoTime() < stopAt) bpf.program("produce").testRun(new byte[64], 200);
            });
            producer.start();
            try {
                List<String> polls = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    // each poll starts with the ring full, not with what the producer's thread, which a loaded machine
                    // may leave waiting for a second, happened to put there
                    awaitFullRing(reader, polls);
                    starts.clear();
                    long t0 = System.nanoTime();
                    int handled = reader.poll(TIMEOUT_MS);
                    long millis = (System.nanoTime() - t0) / 1_000_000, timeout = t0 + TIMEOUT_MS * 1_000_000L;
                    long late = starts.stream().filter(t -> t - timeout > 0).count();
                    polls.add(handled + " records in " + millis + " ms, " + late + " begun after the timeout");
                    assertTrue(handled > 0, "poll " + i + " under a flood handed out no record: " + polls);
                    assertTrue(late <= FIRST_BATCH, "poll(" + TIMEOUT_MS + ") " + i + " went on after its timeout: " + polls);
                }
                System.out.println("ring poll(" + TIMEOUT_MS + ") under a flood with a " + HANDLER_MS + " ms handler: " + polls);
            } finally {
                producing.set(false);
                producer.join();
            }
        }
    }

    /** Waits (up to 30 s) until the ring holds all but a record's worth of its 4096 bytes. */
    private static void awaitFullRing(RingBufferReader<Record64> reader, List<String> polls) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (reader.pendingBytes(0) < 4096 - RECORD_BYTES) {
            assertTrue(System.nanoTime() < deadline, "the producer did not fill the ring in 30 s after " + polls);
            Thread.sleep(1);
        }
    }
}
