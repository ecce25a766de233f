package org.jbpf.it.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.RingBufferDrops;
import org.jbpf.events.RingBufferReader;
import org.jbpf.examples.events.Record64;
import org.jbpf.examples.events.RingFlood;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Records a full ring buffer refuses are counted by the probe itself (the translator's drop counters) and reported by
 * the reader, so received + dropped equals what the probe produced, exactly, with both backends.
 */
class RingDropsKernelTest {
    private static final byte[] PACKET = new byte[64];

    @BeforeEach
    void kernel() { KernelCheck.require(); }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void failedReservesAreCountedAsDroppedWhileAReaderDrainsConcurrently(Backend backend) throws Exception {
        BpfObject object = backend.translate(RingFlood.class);
        MapSpec counters = object.maps().stream().filter(m -> m.name().equals(RingBufferDrops.MAP_NAME)).findFirst().orElseThrow();
        assertEquals(MapTypes.PERCPU_ARRAY, counters.type());
        assertEquals(1, counters.maxEntries(), "one slot for the one ring buffer");
        for (VerifierResult r : Verifier.verifyAll(object)) assertTrue(r.ok(), r.toString());
        AtomicLong received = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        try (BPF bpf = BPF.load(object, RingFlood.class);
             RingBufferReader<Record64> reader = bpf.ringBuffer(RingFlood.events, Record64.class, r -> received.incrementAndGet())) {
            assertTrue(reader.dropsCounted());
            Thread drain = new Thread(() -> {
                while (running.get()) reader.poll(10);
            });
            drain.start();
            try {
                // a one-page ring holds 56 records; 40 runs of 2,000 outrun any reader
                for (int i = 0; i < 40; i++) bpf.program("produce").testRun(PACKET, 2000);
            } finally {
                running.set(false);
                drain.join();
            }
            reader.consume();
            BpfMap<Integer, Long> counts = bpf.map(RingFlood.counts);
            long produced = counts.get(0), failed = counts.get(2);
            assertEquals(80_000, produced);
            assertTrue(reader.dropped() > 0, "the ring overflowed");
            assertEquals(failed, reader.dropped(), "dropped = reserves the probe saw fail");
            assertEquals(produced, reader.received() + reader.dropped(), "received + dropped = produced");
            assertEquals(reader.received(), received.get());
            assertEquals(reader.dropped(), reader.lost());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void failedOutputsAreCountedInTheirRingsSlot(Backend backend) {
        BpfObject object = backend.translate(RingOutputFlood.class);
        for (VerifierResult r : Verifier.verifyAll(object)) assertTrue(r.ok(), r.toString());
        try (BPF bpf = BPF.load(object, RingOutputFlood.class);
             RingBufferReader<Record64> reader = bpf.ringBuffer(RingOutputFlood.events, Record64.class, r -> {})) {
            reader.add(bpf.loaded().map("quiet"), org.jbpf.runtime.Codecs.of(Record64.class), r -> {});
            assertFalse(reader.dropsCounted(), "the ring added later has no counter yet");
            reader.countDrops(bpf.loaded());
            assertTrue(reader.dropsCounted());
            int perRound = 4096 / (64 + 8);
            for (int round = 0; round < 3; round++) {
                bpf.program("produce").testRun(PACKET, 500);
                assertEquals(perRound, reader.consume());
            }
            BpfMap<Integer, Long> counts = bpf.map(RingOutputFlood.counts);
            assertEquals(1500, counts.get(0));
            assertEquals(3 * perRound, counts.get(1));
            assertEquals(1500 - 3 * perRound, counts.get(2));
            assertEquals(counts.get(2), reader.dropped(0), "events: the outputs the probe saw refused");
            assertEquals(0, reader.dropped(1), "quiet: nothing refused");
            assertEquals(1500, reader.received() + reader.dropped());
        }
    }
}
