package org.jbpf.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The perf loop's two paths: contiguous samples in its inner loop, and every other record (a sample wrapping the end of
 * the data area, a lost count, a record of another type) after it. Random sequences of all of them, read in place and
 * through a {@link RecordView}, must give exactly the samples written, in order, byte for byte.
 */
class PerfRingPathsTest {
    private static final int SIZE = 256, OTHER_TYPE = 5;

    private final ByteBuffer meta = direct(4096), data = direct(SIZE);
    private long head;

    private static ByteBuffer direct(int n) { return ByteBuffer.allocateDirect(n).order(ByteOrder.LITTLE_ENDIAN); }

    private int record(int type, byte[] body) {
        int size = 8 + body.length;
        ByteBuffer r = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        r.putInt(type).putShort((short) 0).putShort((short) size).put(body);
        for (int i = 0; i < size; i++) data.put((int) ((head + i) % SIZE), r.get(i));
        head += size;
        meta.putLong(PerfRing.DATA_HEAD, head);
        return size;
    }

    /** A raw sample as the kernel writes it: u32 size, the bytes, padded to a multiple of 8 with the header. */
    private int sample(byte[] bytes) {
        int raw = ((4 + bytes.length + 7) & ~7) - 4;
        return record(PerfRing.RECORD_SAMPLE, ByteBuffer.allocate(4 + raw).order(ByteOrder.LITTLE_ENDIAN).putInt(raw).put(bytes).array());
    }

    /** Writes random records pass after pass, draining after each, and returns what it wrote: samples (padded) and the lost total. */
    private void run(long seed, PerfRing ring, List<byte[]> got, long[] lostGot) {
        Random random = new Random(seed);
        List<byte[]> expected = new ArrayList<>();
        long lostTotal = 0;
        int wrapped = 0, others = 0;
        for (int pass = 0; pass < 400; pass++) {
            int room = SIZE;
            while (true) {
                int kind = random.nextInt(10);
                int need = kind == 0 ? 24 : kind == 1 ? 16 : 8 + ((4 + 56 + 7) & ~7);
                if (need > room) break;
                long at = head % SIZE;
                if (kind == 0) {
                    long n = 1 + random.nextInt(1000);
                    room -= record(PerfRing.RECORD_LOST, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(9).putLong(n).array());
                    lostTotal += n;
                } else if (kind == 1) {
                    room -= record(OTHER_TYPE, new byte[8]);
                    others++;
                } else {
                    byte[] bytes = new byte[1 + random.nextInt(56)];
                    random.nextBytes(bytes);
                    int size = sample(bytes);
                    room -= size;
                    if (at + size > SIZE) wrapped++;
                    byte[] padded = new byte[((4 + bytes.length + 7) & ~7) - 4];
                    System.arraycopy(bytes, 0, padded, 0, bytes.length);
                    expected.add(padded);
                }
                if (random.nextInt(4) == 0) break;
            }
            ring.consume(null);
            assertEquals(head, meta.getLong(PerfRing.DATA_TAIL), "pass " + pass + " read everything written");
        }
        assertTrue(wrapped > 20 && others > 20, wrapped + " wrapped samples and " + others + " other records");
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < expected.size(); i++) assertEquals(ByteBuffer.wrap(expected.get(i)), ByteBuffer.wrap(got.get(i)), "sample " + i);
        assertEquals(lostTotal, lostGot[0]);
    }

    @Test
    void inPlaceReadsExactlyTheSamplesWrittenWrappedOnesLostCountsAndOtherRecordsAmongThem() {
        for (long seed = 1; seed <= 5; seed++) {
            List<byte[]> got = new ArrayList<>();
            long[] lost = {0};
            head = 0;
            meta.putLong(PerfRing.DATA_TAIL, 0);
            PerfRing ring = new PerfRing("perf buffer \"t\"", 1, meta, data, SIZE, (cpu, s, off, len) -> {
                byte[] b = new byte[len];
                s.get(off, b);
                got.add(b);
            }, (cpu, n) -> lost[0] += n);
            run(seed, ring, got, lost);
        }
    }

    @Test
    void aRecordViewReadsExactlyTheSamplesWrittenAndReadsTheDataAreaAgainAfterAWrappedOne() {
        for (long seed = 11; seed <= 15; seed++) {
            List<byte[]> got = new ArrayList<>();
            long[] lost = {0};
            head = 0;
            meta.putLong(PerfRing.DATA_TAIL, 0);
            PerfRing ring = new PerfRing("perf buffer \"t\"", 1, meta, data, SIZE, (cpu, v) -> got.add(v.toByteArray()), new RecordView(),
                    (cpu, n) -> lost[0] += n);
            run(seed, ring, got, lost);
        }
    }

    @Test
    void aHandlerThrowingOnAContiguousSampleCountsItReadAndTheNextPassGoesOnAfterIt() {
        sample(new byte[4]);  // 16 bytes with the header and the raw size
        sample(new byte[12]);  // 24 bytes
        sample(new byte[4]);
        List<Integer> lengths = new ArrayList<>();
        PerfRing ring = new PerfRing("perf buffer \"t\"", 1, meta, data, SIZE, (cpu, s, off, len) -> {
            lengths.add(len);
            if (len == 12) throw new IllegalStateException("handler failed");
        }, null);
        assertThrows(IllegalStateException.class, () -> ring.consume(null));
        assertEquals(16 + 24, meta.getLong(PerfRing.DATA_TAIL), "the sample its handler threw on counts as read");
        assertEquals(1, ring.consume(null));
        assertEquals(List.of(4, 12, 4), lengths);
        assertEquals(head, meta.getLong(PerfRing.DATA_TAIL));
    }

    @Test
    void aHandlerThrowingOnAWrappedSampleCountsItRead() {
        sample(new byte[200]);  // 216 bytes: the next sample starts at 216 of 256
        List<Integer> lengths = new ArrayList<>();
        PerfRing ring = new PerfRing("perf buffer \"t\"", 1, meta, data, SIZE, (cpu, s, off, len) -> {
            lengths.add(len);
            if (len == 52) throw new IllegalStateException("handler failed");
        }, null);
        assertEquals(1, ring.consume(null));
        sample(new byte[50]);  // 8 + 4 + 52 = 64 bytes from 216: wraps
        sample(new byte[3]);
        assertThrows(IllegalStateException.class, () -> ring.consume(null));
        assertEquals(216 + 64, meta.getLong(PerfRing.DATA_TAIL), "the wrapped sample counts as read");
        assertEquals(1, ring.consume(null));
        assertEquals(List.of(204, 52, 4), lengths);
        assertEquals(head, meta.getLong(PerfRing.DATA_TAIL));
    }
}
