package org.jbpf.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
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
    private static final MethodType LOOP = MethodType.methodType(void.class, String.class, ByteBuffer.class, ByteBuffer.class,
            ByteBuffer.class, int.class, RawRecordHandler.class);

    /** Records as hex text, in the order handed out. */
    private static class Collector implements RawRecordHandler {
        final List<String> got = new ArrayList<>();

        @Override public void onRecord(ByteBuffer ring, int offset, int length) {
            byte[] b = new byte[length];
            ring.get(offset, b);
            got.add(HexFormat.of().formatHex(b));
        }
    }

    /** The same, read headers first. */
    private static final class HeadersFirstCollector extends Collector implements HeadersFirst {}

    /** One ring laid out as the kernel maps it (data twice in a row). */
    private static final class Ring {
        final ByteBuffer consumer = direct(8), producer = direct(8), data;
        final Collector handler;
        final RingLoop loop;
        long prod;

        Ring(boolean direct, boolean copy, Collector handler) {
            this.handler = handler;
            data = direct ? direct(2 * SIZE) : ByteBuffer.allocate(2 * SIZE).order(ByteOrder.LITTLE_ENDIAN);
            loop = copy
                    ? (RingLoop) LoopCopies.newCopy(RingBufferRing.class, RingData.of(data, SIZE), LOOP, "ring buffer", consumer, producer, data, SIZE, handler)
                    : new RingBufferRing("ring buffer", consumer, producer, data, SIZE, handler);
        }

        long write(byte[] body, int flags) {
            long at = prod;
            int header = body.length | flags;
            for (int i = 0; i < 4; i++) put(at + i, (byte) (header >>> (8 * i)));
            for (int i = 0; i < body.length; i++) put(at + 8 + i, body[i]);
            prod += (body.length + 8 + 7) & ~7;
            producer.putLong(0, prod);
            return at;
        }

        void commit(long at, int length) {
            for (int i = 0; i < 4; i++) put(at + i, (byte) (length >>> (8 * i)));
        }

        private void put(long position, byte b) {
            int i = (int) (position & (SIZE - 1));
            data.put(i, b);
            data.put(SIZE + i, b);
        }
    }

    private static ByteBuffer direct(int n) { return ByteBuffer.allocateDirect(n).order(ByteOrder.LITTLE_ENDIAN); }

    @ParameterizedTest(name = "direct data: {0}, a copy with constants: {1}")
    @CsvSource({"true,false", "true,true", "false,false", "false,true"})
    void bothWaysHandOutTheSameRecords(boolean direct, boolean copy) {
        Ring onePass = new Ring(direct, copy, new Collector()), headersFirst = new Ring(direct, copy, new HeadersFirstCollector());
        if (!copy) {
            assertEquals(false, ((RingBufferRing) onePass.loop).readsHeadersFirst());
            // raw reads always take one pass: with nothing to load again after a fence, two were slower
            assertEquals(!direct || !RawMemory.ENABLED, ((RingBufferRing) headersFirst.loop).readsHeadersFirst());
        }
        Random random = new Random(1919);
        long busyAt = -1;
        int busyLength = 0;
        for (int pass = 0; pass < 3000; pass++) {
            if (busyAt >= 0 && random.nextInt(3) == 0) {
                onePass.commit(busyAt, busyLength);
                headersFirst.commit(busyAt, busyLength);
                busyAt = -1;
            }
            // records of random sizes, some discarded, one now and then left busy, never more than the ring holds
            while (busyAt < 0 && random.nextInt(5) != 0) {
                byte[] body = new byte[random.nextInt(45)];
                random.nextBytes(body);
                long room = SIZE - (onePass.prod - onePass.consumer.getLong(0));
                if (((body.length + 15) & ~7) > room) break;
                int flags = random.nextInt(6) == 0 ? RingBufferRing.DISCARD_BIT : random.nextInt(10) == 0 ? RingBufferRing.BUSY_BIT : 0;
                long at = onePass.write(body, flags);
                headersFirst.write(body, flags);
                if (flags == RingBufferRing.BUSY_BIT) {
                    busyAt = at;
                    busyLength = body.length;
                }
            }
            if (!copy) {  // batches of every size, up to the whole ring
                long batchBytes = 8 + random.nextInt(SIZE);
                ((RingBufferRing) onePass.loop).batchBytes = batchBytes;
                ((RingBufferRing) headersFirst.loop).batchBytes = batchBytes;
            }
            assertEquals(onePass.loop.consume(null, RingBufferRing.NO_DEADLINE), headersFirst.loop.consume(null, RingBufferRing.NO_DEADLINE),
                    "pass " + pass);
            assertEquals(onePass.consumer.getLong(0), headersFirst.consumer.getLong(0), "pass " + pass);
            if (busyAt >= 0) assertEquals(busyAt, onePass.consumer.getLong(0), "pass " + pass + " stopped at the busy record");
        }
        assertEquals(onePass.handler.got, headersFirst.handler.got);
        assertEquals(onePass.loop.discarded(), headersFirst.loop.discarded());
        assertTrue(onePass.handler.got.size() > 2000, onePass.handler.got.size() + " records");
        assertTrue(onePass.loop.discarded() > 300, onePass.loop.discarded() + " discarded");
        assertTrue(onePass.prod > 200L * SIZE, "the ring wrapped many times");
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
