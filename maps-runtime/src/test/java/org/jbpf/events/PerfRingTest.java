package org.jbpf.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The perf buffer record protocol on memory laid out like a perf event's mapping. */
class PerfRingTest {
    private static final int SIZE = 128;

    private final ByteBuffer meta = direct(4096), data = direct(SIZE);
    private final List<String> samples = new ArrayList<>();
    private final List<Long> lost = new ArrayList<>();
    private final PerfRing ring = new PerfRing(3, meta, data, SIZE, (cpu, s) -> {
        assertEquals(3, cpu);
        byte[] b = new byte[s.remaining()];
        s.get(b);
        samples.add(new String(b).replace("\0", ""));
    }, (cpu, n) -> lost.add(n));
    private long head;

    private static ByteBuffer direct(int n) { return ByteBuffer.allocateDirect(n).order(ByteOrder.LITTLE_ENDIAN); }

    private void record(int type, byte[] body) {
        int size = 8 + body.length;
        ByteBuffer r = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        r.putInt(type).putShort((short) 0).putShort((short) size).put(body);
        for (int i = 0; i < size; i++) data.put((int) ((head + i) % SIZE), r.get(i));
        head += size;
        meta.putLong(PerfRing.DATA_HEAD, head);
    }

    /** A raw sample padded as the kernel pads it: u32 size + data, to a multiple of 8. */
    private void sample(String text) {
        byte[] t = text.getBytes();
        int raw = ((4 + t.length + 7) & ~7) - 4;
        ByteBuffer body = ByteBuffer.allocate(4 + raw).order(ByteOrder.LITTLE_ENDIAN).putInt(raw).put(t);
        record(PerfRing.RECORD_SAMPLE, body.array());
    }

    private void lostRecord(long n) {
        record(PerfRing.RECORD_LOST, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(77).putLong(n).array());
    }

    @Test
    void samplesWhoseSizeChangesAreReadInOrderAcrossManyWraps() {
        // the loop guesses each header's place from the last record's size: runs of one size, then changes (lost
        // records among them), each checked, with the buffer wrapping every few passes
        List<String> expected = new ArrayList<>();
        long lostTotal = 0;
        for (int pass = 0; pass < 200; pass++) {
            for (int i = 0; i < 1 + pass % 3; i++) {  // at most three samples of 32 bytes and a lost record: never more than the buffer holds
                String text = Integer.toString(pass * 3 + i, 36).repeat(20).substring(0, 1 + (pass / 5 + i * 7) % 20);
                sample(text);
                expected.add(text);
            }
            if (pass % 9 == 0) {
                lostRecord(pass);
                lostTotal += pass;
            }
            ring.consume(null);
            assertEquals(head, meta.getLong(PerfRing.DATA_TAIL), "pass " + pass + " read everything written");
        }
        assertEquals(expected, samples);
        assertEquals(lostTotal, lost.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void readsSamplesAndLostCountsAndPublishesTheTail() {
        sample("abc");
        lostRecord(5);
        sample("defghijk");
        assertEquals(2, ring.consume(null));
        assertEquals(List.of("abc", "defghijk"), samples);
        assertEquals(List.of(5L), lost);
        assertEquals(head, meta.getLong(PerfRing.DATA_TAIL));
    }

    @Test
    void aSampleThatWrapsTheEndIsCopiedWhole() {
        sample("0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456"); // 112 bytes
        assertEquals(1, ring.consume(null));
        sample("wraps-around-the-end");  // starts at 112 of 128
        assertEquals(1, ring.consume(null));
        assertEquals("wraps-around-the-end", samples.get(1));
        assertEquals(head, meta.getLong(PerfRing.DATA_TAIL));
    }

    @Test
    void countsGoToTheReader() {
        EventReaderCounts counts = new EventReaderCounts();
        sample("a");
        lostRecord(7);
        lostRecord(2);
        ring.consume(counts.reader);
        assertEquals(1, counts.reader.received());
        assertEquals(9, counts.reader.lost());
        counts.reader.close();
    }

    @Test
    void aCorruptRecordSizeIsAnError() {
        data.putInt(0, PerfRing.RECORD_SAMPLE);
        data.putShort(6, (short) 0);
        meta.putLong(PerfRing.DATA_HEAD, 8);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ring.consume(null));
        assertEquals(true, e.getMessage().contains("CPU 3"), e.getMessage());
    }

    /** A sample header claiming {@code length} bytes with the kernel's head at {@code at}, and the error it gives. */
    private String corrupt(int length, int raw, long at) {
        data.putInt(0, PerfRing.RECORD_SAMPLE);
        data.putShort(6, (short) length);
        data.putInt(8, raw);
        meta.putLong(PerfRing.DATA_HEAD, at);
        PerfRing named = new PerfRing("perf buffer \"events\"", 3, meta, data, SIZE,
                (RawSampleHandler) (cpu, b, off, len) -> samples.add("handled " + len), null);
        String message = assertThrows(IllegalStateException.class, () -> named.consume(null)).getMessage();
        assertEquals(List.of(), samples, "no handler saw the sample");
        assertEquals(0, meta.getLong(PerfRing.DATA_TAIL), "the tail stays before the corrupt record");
        return message;
    }

    @Test
    void samplesTheKernelCouldNotHaveWrittenAreErrorsNamingTheBuffer() {
        String tail = "; the buffer is corrupt: close the reader and reload the probe";
        assertEquals("perf buffer \"events\" of CPU 3 has a record of 200 bytes at position 0 (data written up to 256, buffer of 128 bytes)" + tail,
                corrupt(200, 4, 256), "longer than the buffer");
        assertEquals("perf buffer \"events\" of CPU 3 has a record of 64 bytes at position 0 (data written up to 32, buffer of 128 bytes)" + tail,
                corrupt(64, 4, 32), "past the kernel's head");
        assertEquals("perf buffer \"events\" of CPU 3 has a record of 10 bytes at position 0 (data written up to 64, buffer of 128 bytes)" + tail,
                corrupt(10, 0, 64), "too short for the raw size");
        assertEquals("perf buffer \"events\" of CPU 3 has a record of 16 bytes at position 0 (data written up to 64, buffer of 128 bytes)" + tail,
                corrupt(16, -1, 64), "a raw size the kernel never writes");
    }

    @Test
    void samplesAreHandedOutInPlaceAndTheTailIsPublishedOnceAPassEnds() {
        List<String> got = new ArrayList<>();
        List<Long> tails = new ArrayList<>();
        List<ByteBuffer> buffers = new ArrayList<>();
        PerfRing inPlace = new PerfRing(1, meta, data, SIZE, (RawSampleHandler) (cpu, b, off, len) -> {
            byte[] t = new byte[len];
            b.get(off, t);
            got.add(new String(t).replace("\0", ""));
            tails.add(meta.getLong(PerfRing.DATA_TAIL));
            if (buffers.stream().noneMatch(x -> x == b)) buffers.add(b);  // ByteBuffer.equals compares contents
        }, null);
        sample("one");
        sample("two2");
        sample("three33");
        assertEquals(3, inPlace.consume(null));
        assertEquals(List.of("one", "two2", "three33"), got);
        assertEquals(List.of(0L, 0L, 0L), tails, "as libbpf: the kernel gets the space back when the pass ends");
        assertEquals(head, meta.getLong(PerfRing.DATA_TAIL));
        assertEquals(1, buffers.size(), "one view of the data area for every sample");
        assertTrue(buffers.get(0).isReadOnly());
        sample("012345678901234567890123456789012345678901");  // 56 bytes: from 56 to 112
        sample("wraps-the-end-of-the-data");  // 40 bytes from 112 of 128: runs past the end
        assertEquals(2, inPlace.consume(null));
        assertEquals("wraps-the-end-of-the-data", got.get(4));
        assertEquals(2, buffers.size(), "a wrapped sample comes from the scratch copy");
        assertTrue(buffers.get(1).isReadOnly(), "handlers cannot write the scratch copy either");
        assertEquals(buffers.get(0).getClass(), buffers.get(1).getClass(),
                "the scratch copy of direct data is direct too: a handler's reads see one buffer class");
    }

    @Test
    void aPassedDeadlineStopsThePassAfterOneBatchOfFourAndTheRestComesNext() {
        for (int i = 0; i < 6; i++) sample("s" + i);  // 6 samples of 16 bytes
        assertEquals(4, ring.consume(null, System.nanoTime() - 1), "the clock is read every 4 samples");
        assertEquals(List.of("s0", "s1", "s2", "s3"), samples);
        assertEquals(64, meta.getLong(PerfRing.DATA_TAIL), "the tail covers the samples handed out");
        assertEquals(2, ring.consume(null));
        assertEquals(List.of("s0", "s1", "s2", "s3", "s4", "s5"), samples);
        assertEquals(head, meta.getLong(PerfRing.DATA_TAIL));
    }

    /** A reader with no buffers of its own, to receive a ring's counts. */
    private static final class EventReaderCounts {
        final EventReader reader = new EventReader() {
            @Override int consumeSource(int source, long deadline) { return 0; }
            @Override int sources() { return 0; }
            @Override void releaseSources() {}
        };
    }
}
