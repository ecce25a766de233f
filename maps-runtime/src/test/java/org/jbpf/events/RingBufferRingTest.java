package org.jbpf.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ring buffer record protocol on memory laid out like the kernel's mapping (data written twice in a row). */
class RingBufferRingTest {
    private static final int SIZE = 64;

    private final ByteBuffer consumer = direct(8), producer = direct(8), data = buffer(2 * SIZE);
    private final List<String> got = new ArrayList<>();
    private final RingBufferRing ring = new RingBufferRing(consumer, producer, data, SIZE, r -> {
        byte[] b = new byte[r.remaining()];
        r.get(b);
        got.add(new String(b));
    });
    private long prod;

    private static ByteBuffer direct(int n) { return ByteBuffer.allocateDirect(n).order(ByteOrder.LITTLE_ENDIAN); }

    /**
     * The data area, like the kernel's mapping: direct, so read raw where raw reads are on (JDK 17 to 23), through the
     * buffer otherwise; {@link RingBufferRingHeapTest} reads through the buffer on every JDK.
     */
    ByteBuffer buffer(int n) { return direct(n); }


    /** Writes a record at the producer position, as the kernel would see it through both copies of the data. */
    private void write(String text, int flags) {
        byte[] b = text.getBytes();
        int at = (int) (prod & (SIZE - 1));
        int header = b.length | flags;
        for (int copy = 0; copy < 2; copy++) {
            int base = copy * SIZE;
            putWrapped(base, at, new byte[] {(byte) header, (byte) (header >> 8), (byte) (header >> 16), (byte) (header >>> 24)});
            putWrapped(base, at + 8, b);
        }
        prod += (b.length + 8 + 7) & ~7;
        producer.putLong(0, prod);
    }

    private void putWrapped(int base, int at, byte[] b) {
        for (int i = 0; i < b.length; i++) {
            int pos = (at + i) % SIZE;
            data.put(pos, b[i]);
            data.put(SIZE + pos, b[i]);
        }
    }

    @ParameterizedTest(name = "batches of up to {0} bytes")
    @ValueSource(longs = {16, 64})
    void readsCommittedRecordsInOrderAndPublishesTheConsumerPosition(long batchBytes) {
        ring.batchBytes = batchBytes;
        write("one", 0);
        write("two22", 0);
        assertEquals(2, ring.consume(null));
        assertEquals(List.of("one", "two22"), got);
        assertEquals(32, consumer.getLong(0), "two records of 8 + 8 bytes each");
        assertEquals(0, ring.consume(null));
    }

    @ParameterizedTest(name = "batches of up to {0} bytes")
    @ValueSource(longs = {16, 64})
    void skipsDiscardedRecords(long batchBytes) {
        ring.batchBytes = batchBytes;
        write("keep", 0);
        write("drop", RingBufferRing.DISCARD_BIT);
        write("also", 0);
        assertEquals(2, ring.consume(null));
        assertEquals(List.of("keep", "also"), got);
        assertEquals(1, ring.discarded());
        assertEquals(48, consumer.getLong(0));
    }

    @ParameterizedTest(name = "batches of up to {0} bytes")
    @ValueSource(longs = {16, 64})
    void stopsAtABusyRecordAndResumesOnceItIsCommitted(long batchBytes) {
        ring.batchBytes = batchBytes;
        write("first", 0);
        long busyAt = prod;
        write("late", RingBufferRing.BUSY_BIT);
        write("after", 0);
        assertEquals(1, ring.consume(null));
        assertEquals(List.of("first"), got);
        assertEquals(busyAt, consumer.getLong(0), "consumer stops before the busy record");
        // the producer commits: the busy bit clears
        int at = (int) (busyAt & (SIZE - 1));
        data.putInt(at, 4);
        data.putInt(SIZE + at, 4);
        assertEquals(2, ring.consume(null));
        assertEquals(List.of("first", "late", "after"), got);
    }

    @Test
    void aRecordThatWrapsTheEndIsContiguous() {
        write("0123456789abcdef0123456789abcd", 0);  // 30 bytes: takes 40 of the 64
        assertEquals(1, ring.consume(null));
        write("wrapping-record!", 0);  // starts at 40, runs past 64
        assertEquals(1, ring.consume(null));
        assertEquals("wrapping-record!", got.get(1));
        assertEquals(64, consumer.getLong(0));
    }

    @ParameterizedTest(name = "batches of up to {0} bytes")
    @ValueSource(longs = {16, 64})
    void aPassReadsOnIntoTheSecondCopyOfTheData(long batchBytes) {
        ring.batchBytes = batchBytes;
        write("12345678", 0);
        write("abcdefgh", 0);
        write("ABCDEFGH", 0);
        assertEquals(3, ring.consume(null));
        // from position 48 a full ring's worth: the records at 64, 80 and 96 are read where the ring wraps
        for (String s : List.of("record-4", "record-5", "record-6", "record-7")) write(s, 0);
        assertEquals(4, ring.consume(null));
        assertEquals(List.of("record-4", "record-5", "record-6", "record-7"), got.subList(3, 7));
        assertEquals(112, consumer.getLong(0));
    }

    @ParameterizedTest(name = "batches of up to {0} bytes")
    @ValueSource(longs = {16, 64})
    void recordsWhoseSizeChangesAreReadInOrderAcrossManyWraps(long batchBytes) {
        ring.batchBytes = batchBytes;
        // the loop guesses each header's place from the last record's size: runs of one size, then changes, each
        // checked, with discarded records among them and the ring wrapping every few passes
        List<String> expected = new ArrayList<>();
        long discards = 0;
        for (int pass = 0; pass < 200; pass++) {
            for (int i = 0; i < 1 + pass % 2; i++) {  // at most two records of 24 bytes: never more than the ring holds
                int length = 1 + (pass / 7 + i * 5) % 16;
                String text = Integer.toString(pass * 3 + i, 36).repeat(16).substring(0, length);
                boolean drop = (pass + i) % 11 == 0;
                write(text, drop ? RingBufferRing.DISCARD_BIT : 0);
                if (drop) discards++;
                else expected.add(text);
            }
            ring.consume(null);
            assertEquals(prod, consumer.getLong(0), "pass " + pass + " read everything written");
        }
        assertEquals(expected, got);
        assertEquals(discards, ring.discarded());
    }

    @Test
    void aThrowingHandlerStillConsumesItsRecord() {
        RingBufferRing failing = new RingBufferRing(consumer, producer, data, SIZE, r -> { throw new IllegalStateException("bad"); });
        write("x", 0);
        write("y", 0);
        assertThrows(IllegalStateException.class, () -> failing.consume(null));
        assertEquals(16, consumer.getLong(0), "the record given to the failing handler is consumed, the next is not");
    }

    @Test
    void aBatchsSpaceIsFreedOnceItsRecordsWereHandled() {
        List<Long> seen = new ArrayList<>();
        RingBufferRing watching = new RingBufferRing(consumer, producer, data, SIZE, r -> seen.add(consumer.getLong(0)));
        write("a", 0);
        write("bb", RingBufferRing.DISCARD_BIT);
        write("ccc", 0);
        assertEquals(2, watching.consume(null));
        // a batch holds at most a quarter of the ring, here one 16-byte record: the position before a record while
        // it is handled, after it once it returns, as libbpf publishes
        assertEquals(List.of(0L, 32L), seen, "a discarded record's space is freed as it is skipped");
        assertEquals(48, consumer.getLong(0));
        watching.batchBytes = SIZE;
        write("d", 0);
        write("ee", RingBufferRing.DISCARD_BIT);
        write("fff", 0);
        assertEquals(2, watching.consume(null));
        assertEquals(List.of(0L, 32L, 48L, 48L), seen, "one batch: its space is freed after its last record");
        assertEquals(96, consumer.getLong(0));
    }

    /** A header whose length the kernel could not have written, seen before any handler reads past the mapping. */
    private void assertCorrupt(int length, long producerAt, String why) {
        data.putInt(0, length);
        data.putInt(SIZE, length);
        producer.putLong(0, producerAt);
        RingBufferRing named = new RingBufferRing("ring buffer \"events\"", consumer, producer, data, SIZE,
                (RawRecordHandler) (r, off, len) -> got.add("handled " + len));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> named.consume(null), why);
        assertEquals("ring buffer \"events\" has a record of " + length + " bytes at position 0, past what the producer wrote (position "
                + producerAt + ") in a ring of 64 bytes; the ring is corrupt: close the reader and reload the probe", e.getMessage());
        assertEquals(List.of(), got, "no handler saw the record");
        assertEquals(0, consumer.getLong(0), "the consumer position stays before the corrupt record");
    }

    @Test
    void theRecordsOfABatchBeforeACorruptOneAreHandedOutFirst() {
        ring.batchBytes = SIZE;
        write("ok", 0);
        int at = (int) prod;
        data.putInt(at, 40);  // 48 bytes where the producer reserved 16
        data.putInt(SIZE + at, 40);
        producer.putLong(0, prod + 16);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ring.consume(null));
        assertEquals("ring buffer has a record of 40 bytes at position 16, past what the producer wrote (position 32) in a ring of 64 bytes; "
                + "the ring is corrupt: close the reader and reload the probe", e.getMessage());
        assertEquals(List.of("ok"), got);
        assertEquals(16, consumer.getLong(0), "the consumer position stays before the corrupt record");
    }

    @Test
    void aRecordLongerThanTheRingIsAnError() {
        assertCorrupt(1000, 1008, "1000 bytes cannot fit a 64-byte ring");
        assertCorrupt(57, 72, "57 bytes and the header take 72 of 64");
        assertCorrupt(0x3fffffff, 1L << 32, "the largest length the header can carry");
    }

    @Test
    void aRecordPastTheProducerPositionIsAnError() {
        assertCorrupt(40, 16, "the producer reserved 16 bytes, the header claims 48");
    }
}
