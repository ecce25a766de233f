package org.jbpf.events;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pass over a ring that a producer keeps refilling ends at one ring's worth of records or at its deadline. */
class RingBufferDeadlineTest {
    private static final int SIZE = 1024, RECORD = 16;  // 8-byte header + 8-byte body

    private final ByteBuffer consumer = direct(8), producer = direct(8), data = direct(2 * SIZE);
    private long prod;

    private static ByteBuffer direct(int n) { return ByteBuffer.allocateDirect(n).order(ByteOrder.LITTLE_ENDIAN); }

    /** Fills the ring up to the consumer position, as a producer that never falls behind. */
    private void refill() {
        long cons = consumer.getLong(0);
        while (prod + RECORD <= cons + SIZE) {
            int at = (int) (prod & (SIZE - 1));
            data.putInt(at, 8).putLong(at + 8, prod);
            data.putInt(SIZE + at, 8).putLong(SIZE + at + 8, prod);
            prod += RECORD;
        }
        producer.putLong(0, prod);
    }

    @Test
    void withoutADeadlineOnePassReadsOneRingsWorth() {
        List<Long> got = new ArrayList<>();
        RingBufferRing ring = new RingBufferRing(consumer, producer, data, SIZE, (RawRecordHandler) (r, off, len) -> {
            got.add(r.getLong(off));
            consumer.putLong(0, r.getLong(off) + RECORD);  // what the ring publishes at the latest; lets refill go on
            refill();
        });
        refill();
        assertEquals(SIZE / RECORD, ring.consume(null));
        for (int i = 0; i < got.size(); i++) assertEquals((long) i * RECORD, got.get(i), "records in order");
        assertEquals(SIZE, consumer.getLong(0));
    }

    @Test
    void aSlowHandlerUnderAFloodReturnsAtTheDeadline() {
        long[] now = {1_000_000_000L};
        int[] handled = {0};
        RingBufferRing ring = new RingBufferRing(consumer, producer, data, SIZE, (RawRecordHandler) (r, off, len) -> {
            handled[0]++;
            now[0] += 1_000_000;  // 1 ms of work per record
        });
        ring.clock = () -> now[0];
        refill();
        long start = now[0];
        int n = ring.consume(null, start + 20_000_000);
        assertEquals(handled[0], n);
        assertTrue(n >= 20 && n <= 21, "records in 20 ms at 1 ms each: " + n);
        assertEquals((long) n * RECORD, consumer.getLong(0), "what was handed out is published, the rest stays");
        long[] reads = {0};
        ring.clock = () -> { reads[0]++; return now[0]; };
        now[0] += 1;  // a fast handler (no time passes) under a far deadline reads the clock rarely
        ring.batchBytes = SIZE;  // batches ended by the clock alone, not by a quarter of this small ring
        int m = ring.consume(null, now[0] + 1_000_000_000L);
        assertEquals(SIZE / RECORD - n, m, "the rest of the ring");
        assertTrue(reads[0] <= 3, "clock reads for " + m + " fast records: " + reads[0]);
    }

    @Test
    void recordsAreViewedInPlaceWithoutAnObjectEach() {
        List<ByteBuffer> views = new ArrayList<>();
        RingBufferRing ring = new RingBufferRing(consumer, producer, data, SIZE, (RawRecordHandler) (r, off, len) -> {
            assertEquals(8, len);
            assertTrue(r.isReadOnly(), "the mapped data is read-only");
            if (views.isEmpty() || views.get(views.size() - 1) != r) views.add(r);
        });
        refill();
        ring.consume(null);
        assertEquals(1, views.size(), "one view for every record");
    }
}
