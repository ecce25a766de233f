package org.jbpf.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jbpf.runtime.Codecs;
import org.jbpf.runtime.RawMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ring loop's two ways through a batch, one pass with a fence after each header and the headers read first (for
 * {@link HeadersFirst} handlers), hand out exactly the same records: in the same order, with the same consumer
 * positions and discards, across wrap-arounds, discarded and busy records and (on the loop class) batches of every size. Run on the loop
 * class and on a copy holding its ring as constants, over direct data (raw reads on JDK 17 to 23, a memory segment
 * on JDK 24 and later) and heap data (the buffer's own reads).
 */
class RingPassesTest {
    private static final int SIZE = 256;

    /** Records as hex text, in the order handed out. */
    private static class Collector implements RawRecordHandler {
        final List<String> got = new ArrayList<>();

        @Override public void onRecord(ByteBuffer ring, int offset, int length) { got.add(FakeRing.hex(ring, offset, length)); }
    }

    /** The same, read headers first. */
    private static final class HeadersFirstCollector extends Collector implements HeadersFirst {}

    private static ByteBuffer direct(int n) { return FakeRing.direct(n); }

    @ParameterizedTest(name = "direct data: {0}, a copy with constants: {1}")
    @CsvSource({"true,false", "true,true", "false,false", "false,true"})
    void bothWaysHandOutTheSameRecords(boolean direct, boolean copy) {
        FakeRing onePassRing = new FakeRing(SIZE, direct), headersFirstRing = new FakeRing(SIZE, direct);
        Collector onePassRecords = new Collector(), headersFirstRecords = new HeadersFirstCollector();
        RingLoop onePass = onePassRing.loop(copy, onePassRecords), headersFirst = headersFirstRing.loop(copy, headersFirstRecords);
        if (!copy) {
            assertEquals(false, ((RingBufferRing) onePass).readsHeadersFirst());
            // raw reads always take one pass: with nothing to load again after a fence, two were slower
            assertEquals(!direct || !RawMemory.ENABLED, ((RingBufferRing) headersFirst).readsHeadersFirst());
        }
        Random random = new Random(1919);
        // records of random sizes, some discarded, one now and then left busy, never more than the ring holds
        FakeRing.produce(random, List.of(onePassRing, headersFirstRing), 3000, 44, 6, 10, 5, (pass, busyAt) -> {
            if (!copy) {  // batches of every size, up to the whole ring
                long batchBytes = 8 + random.nextInt(SIZE);
                ((RingBufferRing) onePass).batchBytes = batchBytes;
                ((RingBufferRing) headersFirst).batchBytes = batchBytes;
            }
            assertEquals(onePass.consume(null, RingBufferRing.NO_DEADLINE), headersFirst.consume(null, RingBufferRing.NO_DEADLINE),
                    "pass " + pass);
            assertEquals(onePassRing.consumed(), headersFirstRing.consumed(), "pass " + pass);
            if (busyAt >= 0) assertEquals(busyAt, onePassRing.consumed(), "pass " + pass + " stopped at the busy record");
        });
        assertEquals(onePassRing.prod, onePassRing.consumed(), "everything read once the last busy record was committed");
        assertEquals(onePassRing.expected, onePassRecords.got, "exactly the records written and not discarded, in order");
        assertEquals(onePassRecords.got, headersFirstRecords.got);
        assertEquals(onePass.discarded(), headersFirst.discarded());
        assertTrue(onePassRecords.got.size() > 2000, onePassRecords.got.size() + " records");
        assertTrue(onePass.discarded() > 300, onePass.discarded() + " discarded");
        assertTrue(onePassRing.prod > 200L * SIZE, "the ring wrapped many times");
    }

    @Test
    void theReadersOwnHandlersThatReadMuchOfARecordAreReadHeadersFirstInTheirCopies() {
        var longs = Codecs.of(Long.class);
        List<RawRecordHandler> heavy = List.of(RingBufferReader.decoding("events", longs, v -> {}),
                RingBufferReader.reusing("events", longs, v -> {}), RingBufferReader.slicing(b -> {}));
        for (RawRecordHandler handler : heavy) {
            assertTrue(handler.getClass().isHidden(), handler.getClass() + " is a copy of its own");
            assertTrue(handler instanceof HeadersFirst, handler.getClass() + " keeps the mark in its copy");
            RingBufferRing loop = new RingBufferRing("ring buffer", direct(8), direct(8), ByteBuffer.allocate(2 * SIZE), SIZE, handler);
            assertTrue(loop.readsHeadersFirst(), handler.getClass() + " on data read through the buffer");
        }
        RawRecordHandler inPlace = (r, off, len) -> {};
        assertEquals(false, new RingBufferRing("ring buffer", direct(8), direct(8), ByteBuffer.allocate(2 * SIZE), SIZE, inPlace).readsHeadersFirst());
    }
}
