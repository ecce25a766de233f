package org.jbpf.it.events;

import org.jbpf.it.KernelCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.jbpf.BPF;
import org.jbpf.events.EventReader;
import org.jbpf.events.PerfBufferReader;
import org.jbpf.events.RingBufferReader;
import org.jbpf.examples.events.PerfFlood;
import org.jbpf.examples.events.Record64;
import org.jbpf.examples.events.RingFlood;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Closing readers: blocked loops return, nothing is left mapped or open, and the BPF object closes its readers. */
class ReaderLifecycleTest {
    private static final byte[] PACKET = new byte[64];

    @BeforeEach
    void kernel() { KernelCheck.require(); }

    @Test
    void closeFromAnotherThreadEndsABlockedRunLoop() throws Exception {
        try (BPF ring = BPF.load(Translator.translate(RingFlood.class), RingFlood.class);
             BPF perf = BPF.load(Translator.translate(PerfFlood.class), PerfFlood.class)) {
            for (EventReader reader : new EventReader[] {
                    ring.ringBuffer(RingFlood.events, Record64.class, r -> {}),
                    perf.perfBuffer("events", Record64.class, 1, (c, r) -> {}, null)}) {
                Thread t = new Thread(reader::run);
                t.start();
                Thread.sleep(200);
                assertTrue(t.isAlive(), reader.getClass().getSimpleName() + ".run() blocks while there is nothing to read");
                reader.close();
                t.join(5000);
                assertFalse(t.isAlive(), reader.getClass().getSimpleName() + ".run() returned after close()");
                assertThrows(IllegalStateException.class, () -> reader.poll(0));
            }
        }
    }

    @Test
    void closeRacingARunLoopIsAlwaysClean() throws Exception {
        // close() while the run loop is starting, waiting or releasing: never an exception, never a hang
        try (BPF ring = BPF.load(Translator.translate(RingFlood.class), RingFlood.class)) {
            for (int i = 0; i < 300; i++) {
                EventReader reader = ring.ringBuffer(RingFlood.events, Record64.class, r -> {});
                java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
                Thread t = new Thread(() -> {
                    try { reader.run(); } catch (Throwable e) { failure.set(e); }
                });
                t.start();
                if (i % 3 == 1) Thread.onSpinWait(); else if (i % 3 == 2) Thread.sleep(1);
                reader.close();
                reader.close();
                t.join(5000);
                assertFalse(t.isAlive(), "round " + i + ": run() returned after close()");
                assertEquals(null, failure.get(), "round " + i);
            }
        }
    }

    @Test
    void closeFromInsideAHandlerStopsAtThatRecord() {
        try (BPF bpf = BPF.load(Translator.translate(RingFlood.class), RingFlood.class)) {
            AtomicInteger seen = new AtomicInteger();
            RingBufferReader<Record64>[] holder = new RingBufferReader[1];
            holder[0] = bpf.ringBuffer(RingFlood.events, Record64.class, r -> {
                if (seen.incrementAndGet() == 3) holder[0].close();
            });
            bpf.program("produce").testRun(PACKET, 10);
            holder[0].run();
            assertEquals(3, seen.get(), "no record after the one whose handler closed the reader");
            assertTrue(holder[0].isClosed());
        }
    }

    @Test
    void nothingOutlivesCloseAndBpfCloseClosesItsReaders() throws Exception {
        // a first round opens the jars and native libraries the rest needs once per JVM, so the second round
        // counts only what the readers open
        try (BPF warmRing = BPF.load(Translator.translate(RingFlood.class), RingFlood.class);
             BPF warmPerf = BPF.load(Translator.translate(PerfFlood.class), PerfFlood.class)) {
            warmRing.ringBuffer(RingFlood.events, Record64.class, x -> {}).poll(0);
            warmPerf.perfBuffer("events", Record64.class, 1, (c, x) -> {}, null).poll(0);
        }
        java.util.Set<String> fds = Spawn.fdTargets();
        long maps = Spawn.eventMappings();
        BPF ring = BPF.load(Translator.translate(RingFlood.class), RingFlood.class);
        BPF perf = BPF.load(Translator.translate(PerfFlood.class), PerfFlood.class);
        RingBufferReader<Record64> r = ring.ringBuffer(RingFlood.events, Record64.class, x -> {});
        PerfBufferReader<Record64> p = perf.perfBuffer("events", Record64.class, 2, (c, x) -> {}, null);
        assertTrue(Spawn.eventMappings() >= maps + 2 + p.cpus().size(), "ring (2 mappings) and per-CPU perf buffers are mapped");
        p.close();
        ring.close();
        perf.close();
        assertTrue(r.isClosed(), "BPF.close() closed its ring buffer reader");
        assertEquals(maps, Spawn.eventMappings(), "no buffer left mapped");
        java.util.Set<String> left = new java.util.TreeSet<>(Spawn.fdTargets());
        left.removeAll(fds);
        assertEquals(java.util.Set.of(), left, "fds left open");
    }
}
