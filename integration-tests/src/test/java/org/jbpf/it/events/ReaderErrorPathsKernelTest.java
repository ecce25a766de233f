package org.jbpf.it.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.jbpf.BPF;
import org.jbpf.Struct;
import org.jbpf.events.EventReader;
import org.jbpf.events.PerfBufferReader;
import org.jbpf.events.RingBufferReader;
import org.jbpf.examples.events.PerfFlood;
import org.jbpf.examples.events.Record64;
import org.jbpf.examples.events.RingFlood;
import org.jbpf.it.KernelCheck;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Event readers off the happy path, against real rings the probes RingFlood and PerfFlood fill (one Record64 per test
 * run): a handler that throws loses no record after its own; a record longer than the struct it is decoded into is an
 * error naming both; a buffer whose map fd is closed under the reader keeps delivering what the kernel writes; a reader
 * closed while another thread polls a flowing buffer ends that thread cleanly; the perf buffer's lost samples reach
 * the user at close.
 */
class ReaderErrorPathsKernelTest {
    private static final byte[] PACKET = new byte[64];

    /** The first 16 bytes of Record64 only. */
    @Struct
    public static final class Head {
        public long seq;
        public long time;
    }

    @BeforeEach
    void kernel() { KernelCheck.require(); }

    private static List<Long> upTo(int n) { return LongStream.range(0, n).boxed().toList(); }

    @Test
    void aThrowingRingHandlerLeavesTheRecordsAfterItsOwnForTheNextPoll() {
        try (BPF bpf = BPF.load(Translator.translate(RingFlood.class), RingFlood.class)) {
            List<Long> seqs = new ArrayList<>();
            RingBufferReader<Record64> reader = bpf.ringBuffer(RingFlood.events, Record64.class, r -> {
                seqs.add(r.seq);
                if (r.seq == 7 || r.seq == 15) throw new IllegalArgumentException("handler refused " + r.seq);
            });
            bpf.program("produce").testRun(PACKET, 20);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reader.poll(0));
            assertEquals("handler refused 7", e.getMessage());
            assertEquals(upTo(8), seqs, "up to the record whose handler threw");
            assertEquals(8, reader.received(), "the record its handler was given counts as read");
            assertThrows(IllegalArgumentException.class, () -> reader.poll(0));
            assertEquals(4, reader.poll(0), "the rest, at the next poll");
            assertEquals(upTo(20), seqs, "every record once: none skipped, none again");
            assertEquals(20, reader.received());
            assertEquals(0, reader.pendingBytes(0));
        }
    }

    @Test
    void aThrowingPerfHandlerLeavesTheSamplesAfterItsOwnForTheNextPoll() {
        try (BPF bpf = BPF.load(Translator.translate(PerfFlood.class), PerfFlood.class)) {
            List<Long> seqs = new ArrayList<>();
            PerfBufferReader<Record64> reader = bpf.perfBuffer("events", Record64.class, 4, (cpu, r) -> {
                seqs.add(r.seq);
                if (r.seq == 5) throw new IllegalArgumentException("handler refused " + r.seq);
            }, null);
            Spawn.pinTo(1L);  // one CPU: its buffer holds the samples in order
            try {
                bpf.program("produce").testRun(PACKET, 20);
            } finally {
                Spawn.pinTo(-1L);
            }
            assertThrows(IllegalArgumentException.class, reader::consume);
            assertEquals(upTo(6), seqs);
            assertEquals(14, reader.consume(), "the rest, at the next read");
            assertEquals(upTo(20), seqs, "every sample once");
            assertEquals(20, reader.received());
        }
    }

    @Test
    void aRecordLongerThanItsStructIsAnErrorNamingTheStructNotAPartialDecode() {
        try (BPF bpf = BPF.load(Translator.translate(RingFlood.class), RingFlood.class)) {
            List<Head> decoded = new ArrayList<>();
            RingBufferReader<Head> reader = bpf.ringBuffer(RingFlood.events, Head.class, decoded::add);
            bpf.program("produce").testRun(PACKET, 2);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> reader.poll(0));
            assertEquals("ring buffer \"events\" holds a 64-byte record, longer than struct Head (16 bytes), which would decode only "
                    + "its first bytes; declare the type the probe submits, or read it with a RecordHandler", e.getMessage());
            assertEquals(List.of(), decoded);
            assertThrows(IllegalStateException.class, () -> reader.poll(0), "the second record, refused alike");
            assertEquals(0, reader.poll(0));
        }
        try (BPF bpf = BPF.load(Translator.translate(PerfFlood.class), PerfFlood.class)) {
            List<Head> decoded = new ArrayList<>();
            PerfBufferReader<Head> reader = bpf.perfBuffer("events", Head.class, 1, (cpu, h) -> decoded.add(h), null);
            bpf.program("produce").testRun(PACKET, 1);
            IllegalStateException e = assertThrows(IllegalStateException.class, reader::consume);
            // the kernel pads a sample's raw data and its u32 size to 8 bytes: 64 + 4 makes 72, so 68 bytes of data
            Matcher m = Pattern.compile("perf buffer \"events\" \\(CPU \\d+\\) holds a 68-byte sample, longer than struct Head "
                    + "\\(16 bytes, 20 with the kernel's padding\\), which would decode only its first bytes; declare the type the "
                    + "probe outputs, or read it with a SampleHandler").matcher(e.getMessage());
            assertTrue(m.matches(), e.getMessage());
            assertEquals(List.of(), decoded);
        }
    }

    @Test
    void aRingWhoseMapFdIsClosedUnderTheReaderKeepsDelivering() {
        try (BPF bpf = BPF.load(Translator.translate(RingFlood.class), RingFlood.class)) {
            List<Long> seqs = new ArrayList<>();
            RingBufferReader<Record64> reader = bpf.ringBuffer(RingFlood.events, Record64.class, r -> seqs.add(r.seq));
            bpf.program("produce").testRun(PACKET, 3);
            bpf.loaded().map("events").close();
            assertFalse(bpf.loaded().map("events").fd().isOpen());
            // the reader's mappings hold the ring, and the program holds the map: records still arrive, with wakeups
            assertEquals(3, reader.poll(1000));
            bpf.program("produce").testRun(PACKET, 2);
            assertEquals(2, reader.poll(1000));
            assertEquals(upTo(5), seqs);
            reader.close();
            assertTrue(reader.isClosed());
        }
    }

    @Test
    void aPerfBufferWhoseMapFdIsClosedUnderTheReaderKeepsDelivering() {
        try (BPF bpf = BPF.load(Translator.translate(PerfFlood.class), PerfFlood.class)) {
            List<Long> seqs = new ArrayList<>();
            PerfBufferReader<Record64> reader = bpf.perfBuffer("events", Record64.class, 2, (cpu, r) -> seqs.add(r.seq), null);
            bpf.program("produce").testRun(PACKET, 3);
            bpf.loaded().map("events").close();
            // each CPU's perf event is the reader's own fd, still in the map the program holds
            assertEquals(3, reader.consume());
            bpf.program("produce").testRun(PACKET, 2);
            assertEquals(2, reader.consume());
            assertEquals(5, seqs.size());
            reader.close();  // takes nothing out of the closed map, and says nothing about it
            assertTrue(reader.isClosed());
        }
    }

    @Test
    void closingAReaderWhileAnotherThreadPollsAFlowingBufferEndsItCleanly() throws Exception {
        try (BPF ring = BPF.load(Translator.translate(RingFlood.class), RingFlood.class);
             BPF perf = BPF.load(Translator.translate(PerfFlood.class), PerfFlood.class)) {
            for (int round = 0; round < 20; round++) {
                long[] handled = {0};
                EventReader reader = round % 2 == 0
                        ? ring.ringBuffer(RingFlood.events, Record64.class, r -> handled[0]++)
                        : perf.perfBuffer("events", Record64.class, 1, (c, r) -> handled[0]++, null);
                BPF source = round % 2 == 0 ? ring : perf;
                AtomicBoolean producing = new AtomicBoolean(true);
                Thread producer = new Thread(() -> {
                    while (producing.get()) source.program("produce").testRun(PACKET, 50);
                });
                AtomicReference<Throwable> failure = new AtomicReference<>();
                Thread poller = new Thread(() -> {
                    try { reader.run(); } catch (Throwable e) { failure.set(e); }
                });
                producer.start();
                poller.start();
                Thread.sleep(5 + round);
                reader.close();
                poller.join(5000);
                producing.set(false);
                producer.join();
                assertFalse(poller.isAlive(), "round " + round + ": run() returned after close()");
                assertNull(failure.get(), "round " + round);
                assertEquals(reader.received(), handled[0], "round " + round + ": received() counts what the handler got");
                assertThrows(IllegalStateException.class, () -> reader.poll(0));
            }
        }
    }

    @Test
    void samplesThePerfBufferLostAreToldAtClose() {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        long lost;
        try (BPF bpf = BPF.load(Translator.translate(PerfFlood.class), PerfFlood.class)
                .lossNotices(new PrintStream(said, true, StandardCharsets.UTF_8))) {
            PerfBufferReader<Record64> reader = bpf.perfBuffer("events", Record64.class, 1, (cpu, r) -> {}, null);
            Spawn.pinTo(1L);
            try {
                bpf.program("produce").testRun(PACKET, 200);  // one page holds 51 samples
                reader.consume();
                bpf.program("produce").testRun(PACKET, 1);    // the kernel reports the loss before this sample
                reader.consume();
            } finally {
                Spawn.pinTo(-1L);
            }
            lost = reader.lost();
            assertEquals(149, lost, "outputs the full page refused, as the kernel reported them");
        }
        assertEquals("jbpf: perf event array events lost 149 samples because a CPU's buffer was full; read it faster or give it "
                + "more pages\n", said.toString(StandardCharsets.UTF_8), "the count the reader saw");
    }
}
