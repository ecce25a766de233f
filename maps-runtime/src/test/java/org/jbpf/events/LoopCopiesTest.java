package org.jbpf.events;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.Struct;
import org.jbpf.runtime.Codecs;
import org.junit.jupiter.api.Test;

/** Each reader's loop and decoding handler are classes of their own, which read exactly what the originals read. */
class LoopCopiesTest {
    private static final int SIZE = 256;
    private static final MethodType LOOP = MethodType.methodType(void.class, ByteBuffer.class, ByteBuffer.class, ByteBuffer.class,
            int.class, RawRecordHandler.class);

    @Struct
    public static final class Pair {
        public long a;
        public int b;
    }

    private static ByteBuffer direct(int n) { return ByteBuffer.allocateDirect(n).order(ByteOrder.LITTLE_ENDIAN); }

    /** A ring holding {@code n} records of a Pair each (16 bytes, so 24 with the header), with a = i, b = -i. */
    private static RingLoop ring(int n, RawRecordHandler handler) {
        ByteBuffer consumer = direct(8), producer = direct(8), data = direct(2 * SIZE);
        for (int i = 0; i < n; i++) data.putInt(i * 24, 16).putLong(i * 24 + 8, i).putInt(i * 24 + 16, -i);
        producer.putLong(0, n * 24L);
        return (RingLoop) LoopCopies.newCopy(RingBufferRing.class, LOOP, consumer, producer, data, SIZE, handler);
    }

    @Test
    void everyReaderGetsItsOwnLoopClassAndItReadsEveryRecord() {
        List<Long> first = new ArrayList<>(), second = new ArrayList<>();
        RingLoop one = ring(5, (r, off, len) -> first.add(r.getLong(off)));
        RingLoop two = ring(3, (r, off, len) -> second.add(r.getLong(off)));
        assertNotSame(one.getClass(), two.getClass(), "a loop class per reader");
        assertNotSame(RingBufferRing.class, one.getClass());
        assertTrue(one.getClass().isHidden());
        assertEquals(5, one.consume(null, RingBufferRing.NO_DEADLINE));
        assertEquals(3, two.consume(null, RingBufferRing.NO_DEADLINE));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), first);
        assertEquals(List.of(0L, 1L, 2L), second);
        assertEquals(0, one.available());
    }

    @Test
    void decodingHandlersAreCopiedPerReaderToo() {
        List<String> got = new ArrayList<>();
        RawRecordHandler fresh = RingBufferReader.decoding("events", Codecs.of(Pair.class), (Pair p) -> got.add(p.a + "/" + p.b));
        RawRecordHandler reused = RingBufferReader.reusing("events", Codecs.of(Pair.class), (Pair p) -> got.add(p.a + ":" + p.b));
        RawRecordHandler other = RingBufferReader.decoding("events", Codecs.of(Pair.class), (Pair p) -> {});
        assertNotSame(fresh.getClass(), other.getClass());
        assertEquals(2, ring(2, fresh).consume(null, RingBufferRing.NO_DEADLINE));
        assertEquals(2, ring(2, reused).consume(null, RingBufferRing.NO_DEADLINE));
        assertEquals(List.of("0/0", "1/-1", "0:0", "1:-1"), got);
    }

    @Test
    void aShortRecordIsAnErrorNamingTheRing() {
        RawRecordHandler fresh = RingBufferReader.decoding("events", Codecs.of(Pair.class), (Pair p) -> {});
        ByteBuffer consumer = direct(8), producer = direct(8), data = direct(2 * SIZE);
        data.putInt(0, 8);
        producer.putLong(0, 16);
        RingLoop loop = (RingLoop) LoopCopies.newCopy(RingBufferRing.class, LOOP, consumer, producer, data, SIZE, fresh);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.consume(null, RingBufferRing.NO_DEADLINE));
        assertEquals("ring buffer \"events\" holds a 8-byte record, shorter than struct Pair (16 bytes); read it with a "
                + "RecordHandler or fix the record type", e.getMessage());
        assertEquals(16, consumer.getLong(0), "the record given to the failing handler counts as read");
    }

    @Test
    void aBadRingSizeIsReportedFromTheCopyAsFromTheClass() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> LoopCopies.newCopy(RingBufferRing.class, LOOP, direct(8), direct(8), direct(200), 100, (RawRecordHandler) (r, o, l) -> {}));
        assertEquals("ring size 100 is not a power of two", e.getMessage());
    }

    @Test
    void perfBufferLoopsAndDecodersAreCopiedPerReader() {
        MethodType loop = MethodType.methodType(void.class, int.class, ByteBuffer.class, ByteBuffer.class, int.class,
                RawSampleHandler.class, LostHandler.class);
        MethodType decoder = MethodType.methodType(void.class, String.class, org.jbpf.runtime.Codec.class, PerfEventHandler.class, boolean.class);
        List<String> got = new ArrayList<>();
        List<PerfLoop> loops = new ArrayList<>();
        for (boolean reuse : new boolean[] {false, true}) {
            ByteBuffer meta = direct(4096), data = direct(SIZE);
            // one raw sample: header (type 9, size 8 + 4 + 20), u32 raw size 20, then a Pair and 4 bytes of padding
            data.putInt(0, PerfRing.RECORD_SAMPLE).putShort(6, (short) 32).putInt(8, 20).putLong(12, 7).putInt(20, -7);
            meta.putLong(PerfRing.DATA_HEAD, 32);
            RawSampleHandler h = (RawSampleHandler) LoopCopies.newCopy(PerfDecodingHandler.class, decoder, "events", Codecs.of(Pair.class),
                    (PerfEventHandler<Pair>) (cpu, p) -> got.add(cpu + ":" + p.a + "/" + p.b), reuse);
            PerfLoop l = (PerfLoop) LoopCopies.newCopy(PerfRing.class, loop, 1, meta, data, SIZE, h, null);
            assertEquals(1, l.consume(null, RingBufferRing.NO_DEADLINE));
            assertEquals(32, meta.getLong(PerfRing.DATA_TAIL));
            loops.add(l);
        }
        assertNotSame(loops.get(0).getClass(), loops.get(1).getClass());
        assertEquals(List.of("1:7/-7", "1:7/-7"), got);
    }

    @Test
    void thePerfBuffersOfOneReaderShareOneCopy() {
        MethodType loop = MethodType.methodType(void.class, int.class, ByteBuffer.class, ByteBuffer.class, int.class,
                RawSampleHandler.class, LostHandler.class);
        java.lang.invoke.MethodHandle copy = LoopCopies.copyOf(PerfRing.class, loop);
        List<String> got = new ArrayList<>();
        RawSampleHandler h = (cpu, b, off, len) -> got.add(cpu + ":" + b.getLong(off));
        List<PerfLoop> cpus = new ArrayList<>();
        for (int cpu = 0; cpu < 2; cpu++) {
            ByteBuffer meta = direct(4096), data = direct(SIZE);
            data.putInt(0, PerfRing.RECORD_SAMPLE).putShort(6, (short) 24).putInt(8, 12).putLong(12, 100 + cpu);
            meta.putLong(PerfRing.DATA_HEAD, 24);
            cpus.add((PerfLoop) LoopCopies.construct(copy, PerfRing.class, cpu, meta, data, SIZE, h, null));
        }
        for (PerfLoop l : cpus) assertEquals(1, l.consume(null, RingBufferRing.NO_DEADLINE));
        assertEquals(List.of("0:100", "1:101"), got);
        assertSame(cpus.get(0).getClass(), cpus.get(1).getClass(), "one handler, one profile: learnt once, not once per CPU");
        assertNotSame(PerfRing.class, cpus.get(0).getClass());
        PerfLoop other = (PerfLoop) LoopCopies.construct(LoopCopies.copyOf(PerfRing.class, loop), PerfRing.class, 0, direct(4096),
                direct(SIZE), SIZE, h, null);
        assertNotSame(cpus.get(0).getClass(), other.getClass(), "another reader gets another copy");
    }
}
