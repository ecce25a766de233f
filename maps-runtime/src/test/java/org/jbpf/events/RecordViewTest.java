package org.jbpf.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.runtime.RawMemory;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordView} over memory laid out like the kernel's ring and perf mappings: exact values at every width, a
 * record that wraps the ring's end, a perf sample copied to scratch, gets outside the record, corrupt headers, and a
 * view kept past its handler.
 */
class RecordViewTest {
    private static final int SIZE = 128;

    private ByteBuffer consumer = direct(8), producer = direct(8), data = direct(2 * SIZE);
    private long prod;

    private static ByteBuffer direct(int n) { return ByteBuffer.allocateDirect(n).order(ByteOrder.LITTLE_ENDIAN); }

    /** A 24-byte record: a long, an int, a short, a byte, a byte of 0xf0, then "comm\0" padded to 8. */
    private static byte[] record(long seq) {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(seq).putInt(-7).putShort((short) 0xbeef).put((byte) 42).put((byte) 0xf0).put("comm\0\0\0\0".getBytes());
        return b.array();
    }

    /** Writes a ring record at the producer position into both copies of the data. */
    private void write(byte[] body, int flags) {
        int at = (int) (prod & (SIZE - 1));
        for (int copy = 0; copy < 2; copy++) {
            data.putInt(copy * SIZE + at, body.length | flags);
            for (int i = 0; i < body.length; i++) {
                int pos = (at + 8 + i) % SIZE;
                data.put(pos, body[i]);
                data.put(SIZE + pos, body[i]);
            }
        }
        prod += (body.length + 8 + 7) & ~7;
        producer.putLong(0, prod);
    }

    private RingBufferRing ring(RecordViewHandler handler) {
        return new RingBufferRing("ring buffer \"events\"", consumer, producer, data, SIZE, handler, new RecordView());
    }

    private static String describe(RecordView r) {
        return r.length() + ":" + r.getLong(0) + "," + r.getInt(8) + "," + r.getUnsignedInt(8) + "," + r.getShort(12) + ","
                + r.getUnsignedShort(12) + "," + r.getByte(14) + "," + r.getByte(15) + "," + r.getUnsignedByte(15) + "," + r.getString(16, 8);
    }

    @Test
    void readsEveryWidthOfEachRecordIncludingOneThatWrapsTheRing() {
        List<String> got = new ArrayList<>();
        List<RecordView> views = new ArrayList<>();
        RingBufferRing ring = ring(r -> {
            got.add(describe(r));
            if (views.stream().noneMatch(v -> v == r)) views.add(r);
        });
        write(record(1), 0);
        write(record(Long.MIN_VALUE + 5), 0);
        write(record(3), RingBufferRing.DISCARD_BIT);
        write(record(-1), 0);  // 96..128 then wraps: the second copy of the data makes it contiguous
        assertEquals(3, ring.consume(null));
        write(record(77), 0);  // at 0 of the next lap
        assertEquals(1, ring.consume(null));
        String rest = ",-7,4294967289,-16657,48879,42,-16,240,comm";
        assertEquals(List.of("24:1" + rest, "24:" + (Long.MIN_VALUE + 5) + rest, "24:-1" + rest, "24:77" + rest), got);
        assertEquals(1, views.size(), "one view for every record");
        assertEquals(prod, consumer.getLong(0));
    }

    @Test
    void readsThroughTheBufferWhereRawReadsAreOff() {
        // a heap buffer has no address: the path of JDK 24 and later, and of a big-endian machine. The positions stay
        // direct, as the kernel's are: from JDK 22 on, acquire reads of a heap buffer are refused
        data = ByteBuffer.allocate(2 * SIZE).order(ByteOrder.LITTLE_ENDIAN);
        List<String> got = new ArrayList<>();
        RingBufferRing ring = ring(r -> got.add(describe(r) + "/" + r.toByteArray().length));
        write(record(1), 0);
        write(record(2), 0);
        write(record(3), 0);
        write(record(4), 0);  // wraps
        assertEquals(4, ring.consume(null));
        String rest = ",-7,4294967289,-16657,48879,42,-16,240,comm/24";
        assertEquals(List.of("24:1" + rest, "24:2" + rest, "24:3" + rest, "24:4" + rest), got);
    }

    @Test
    void copiesBytesAndWholeRecords() {
        List<byte[]> got = new ArrayList<>();
        RingBufferRing ring = ring(r -> {
            byte[] part = new byte[6];
            r.getBytes(16, part, 1, 4);
            got.add(part);
            got.add(r.toByteArray());
        });
        write(record(9), 0);
        assertEquals(1, ring.consume(null));
        assertArrayEquals(new byte[] {0, 'c', 'o', 'm', 'm', 0}, got.get(0));
        assertArrayEquals(record(9), got.get(1));
    }

    @Test
    void getsOutsideTheRecordAreErrorsNamingIndexAndLengthAndReadNothing() {
        List<String> errors = new ArrayList<>();
        RingBufferRing ring = ring(r -> {
            for (Runnable get : List.<Runnable>of(() -> r.getLong(17), () -> r.getLong(-1), () -> r.getInt(Integer.MAX_VALUE),
                    () -> r.getByte(24), () -> r.getShort(Integer.MIN_VALUE), () -> r.getString(20, 8), () -> r.getBytes(0, new byte[4], 0, 25),
                    () -> r.getBytes(0, new byte[4], 2, 4), () -> r.getBytes(8, new byte[4], 0, -1))) {
                errors.add(assertThrows(IndexOutOfBoundsException.class, get::run).getMessage());
            }
            assertEquals(42, r.getByte(14), "the view still reads after the errors");
        });
        write(record(1), 0);
        assertEquals(1, ring.consume(null));
        assertEquals(List.of(
                "8 bytes at index 17 lie outside this record of 24 bytes",
                "8 bytes at index -1 lie outside this record of 24 bytes",
                "4 bytes at index 2147483647 lie outside this record of 24 bytes",
                "1 bytes at index 24 lie outside this record of 24 bytes",
                "2 bytes at index -2147483648 lie outside this record of 24 bytes",
                "8 bytes at index 20 lie outside this record of 24 bytes",
                "25 bytes at index 0 lie outside this record of 24 bytes",
                "4 bytes into index 2 of an array of 4",
                "-1 bytes at index 8 lie outside this record of 24 bytes"), errors);
    }

    @Test
    void aCorruptHeaderIsAnErrorNamingTheRingBeforeTheViewSeesTheRecord() {
        List<String> got = new ArrayList<>();
        RingBufferRing ring = ring(r -> got.add(describe(r)));
        write(record(1), 0);
        data.putInt(32, 4000);  // the next header claims 4000 bytes in a 128-byte ring
        data.putInt(SIZE + 32, 4000);
        producer.putLong(0, 32 + 4008);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ring.consume(null));
        assertEquals("ring buffer \"events\" has a record of 4000 bytes at position 32, past what the producer wrote (position 4040) in a ring "
                + "of 128 bytes; the ring is corrupt: close the reader and reload the probe", e.getMessage());
        assertEquals(1, got.size(), "the record before it was read, the corrupt one never reached the view");
        assertEquals(32, consumer.getLong(0), "the consumer position stays before the corrupt record");
    }

    @Test
    void aViewKeptPastItsPassThrowsInsteadOfReadingFreedMemory() {
        List<RecordView> kept = new ArrayList<>();
        RecordView view = new RecordView();
        RingBufferRing ring = new RingBufferRing("ring buffer", consumer, producer, data, SIZE, kept::add, view);
        write(record(5), 0);
        ring.consume(null);
        view.clear();  // what the reader does when each pass ends
        assertTrue(kept.get(0) == view);
        String stale = "this record view was used after its handler returned; copy what you keep during the call";
        assertEquals(stale, assertThrows(IllegalStateException.class, () -> view.getLong(0)).getMessage());
        assertEquals(stale, assertThrows(IllegalStateException.class, view::length).getMessage());
        assertEquals(stale, assertThrows(IllegalStateException.class, view::toByteArray).getMessage());
        assertEquals("RecordView (no record)", view.toString());
    }

    @Test
    void perfSamplesReadInPlaceAndFromTheScratchCopyOfAWrappedSample() {
        ByteBuffer meta = direct(4096), perfData = direct(SIZE);
        List<String> got = new ArrayList<>();
        RecordView view = new RecordView();
        PerfRing perf = new PerfRing("perf buffer \"events\"", 2, meta, perfData, SIZE, (cpu, s) -> got.add(cpu + "/" + describe(s)), view, null);
        long[] head = {0};
        Runnable sample = () -> {
            // header (type, misc, size 40) + u32 raw size 28 + 24 record bytes + 4 bytes of padding
            ByteBuffer r = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
            r.putInt(PerfRing.RECORD_SAMPLE).putShort((short) 0).putShort((short) 40).putInt(28).put(record(head[0] / 40 + 100));
            for (int i = 0; i < 40; i++) perfData.put((int) ((head[0] + i) % SIZE), r.get(i));
            head[0] += 40;
            meta.putLong(PerfRing.DATA_HEAD, head[0]);
        };
        sample.run();
        sample.run();
        sample.run();  // 80..120
        assertEquals(3, perf.consume(null));
        sample.run();  // 120..160: wraps the end, read from the scratch copy
        assertEquals(1, perf.consume(null));
        String rest = ",-7,4294967289,-16657,48879,42,-16,240,comm";
        assertEquals(List.of("2/28:100" + rest, "2/28:101" + rest, "2/28:102" + rest, "2/28:103" + rest), got);
        assertEquals(head[0], meta.getLong(PerfRing.DATA_TAIL));
    }

    @Test
    void rawReadsAreOnWhereTheJdkOffersThemWithoutAWarning() {
        assertEquals(Runtime.version().feature() < 24, RawMemory.ENABLED, "Unsafe on JDK 17-23, the buffer's reads from 24 on");
    }
}
