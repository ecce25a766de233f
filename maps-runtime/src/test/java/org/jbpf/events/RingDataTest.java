package org.jbpf.events;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.jbpf.runtime.RawMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A reading loop copied for one ring, with that ring's data area as constants of its class ({@link RingData}), reads
 * exactly what the loop class itself reads from its fields: the same records in the same order, the same positions
 * and discards, across wrap-arounds, discarded and busy records.
 */
class RingDataTest {
    private static final int SIZE = 256;
    private static final MethodType LOOP = MethodType.methodType(void.class, String.class, ByteBuffer.class, ByteBuffer.class,
            ByteBuffer.class, int.class, RawRecordHandler.class);

    /** One ring laid out as the kernel maps it (data twice in a row) and the records its loop handed out. */
    private static final class Ring {
        final ByteBuffer consumer = direct(8), producer = direct(8), data;
        final List<String> got = new ArrayList<>();
        final RingLoop loop;
        long prod;

        Ring(boolean direct, boolean copy) {
            data = direct ? direct(2 * SIZE) : ByteBuffer.allocate(2 * SIZE).order(ByteOrder.LITTLE_ENDIAN);
            RawRecordHandler handler = (r, off, len) -> {
                byte[] b = new byte[len];
                r.get(off, b);
                got.add(HexFormat.of().formatHex(b));
            };
            loop = copy
                    ? (RingLoop) LoopCopies.newCopy(RingBufferRing.class, RingData.of(data, SIZE), LOOP, "ring buffer", consumer, producer, data, SIZE, handler)
                    : new RingBufferRing("ring buffer", consumer, producer, data, SIZE, handler);
        }

        /** A record at the producer position, in both copies of the data; returns its header's position. */
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

    @ParameterizedTest(name = "direct data: {0}")
    @ValueSource(booleans = {true, false})
    void aCopyWithConstantsReadsWhatTheLoopClassReads(boolean direct) {
        Ring plain = new Ring(direct, false), copy = new Ring(direct, true);
        assertTrue(copy.loop.getClass().isHidden());
        Random random = new Random(19);
        long busyAt = -1;
        int busyLength = 0;
        for (int pass = 0; pass < 2000; pass++) {
            if (busyAt >= 0 && random.nextInt(3) == 0) {
                plain.commit(busyAt, busyLength);
                copy.commit(busyAt, busyLength);
                busyAt = -1;
            }
            // records of random sizes, some discarded, one now and then left busy, never more than the ring holds
            while (busyAt < 0 && random.nextInt(4) != 0) {
                byte[] body = new byte[random.nextInt(61)];
                random.nextBytes(body);
                long room = SIZE - (plain.prod - plain.consumer.getLong(0));
                if (((body.length + 15) & ~7) > room) break;
                int flags = random.nextInt(7) == 0 ? RingBufferRing.DISCARD_BIT : random.nextInt(9) == 0 ? RingBufferRing.BUSY_BIT : 0;
                long at = plain.write(body, flags);
                copy.write(body, flags);
                if (flags == RingBufferRing.BUSY_BIT) {
                    busyAt = at;
                    busyLength = body.length;
                }
            }
            assertEquals(plain.loop.consume(null, RingBufferRing.NO_DEADLINE), copy.loop.consume(null, RingBufferRing.NO_DEADLINE), "pass " + pass);
            assertEquals(plain.consumer.getLong(0), copy.consumer.getLong(0), "pass " + pass);
        }
        assertEquals(plain.got, copy.got);
        assertEquals(plain.loop.discarded(), copy.loop.discarded());
        assertTrue(plain.got.size() > 1000, plain.got.size() + " records");
        assertTrue(plain.loop.discarded() > 100, plain.loop.discarded() + " discarded");
        assertTrue(plain.prod > 100L * SIZE, "the ring wrapped many times");
    }

    @Test
    void theConstantsReadTheDataAsThisJdkAllows() {
        ByteBuffer data = direct(2 * SIZE).putInt(12, 0x12345678);
        RingData ring = RingData.of(data, SIZE);
        assertEquals(SIZE - 1, ring.mask());
        assertSame(data, ring.data());
        if (RawMemory.ENABLED) {
            assertEquals(RawMemory.base(data), ring.address());
            assertNull(ring.segment(), "raw reads first");
        } else {
            assertEquals(0, ring.address());
            assertEquals(Runtime.version().feature() >= 22, ring.segment() != null, "a memory segment where the JDK has them");
        }
        if (ring.segment() != null) assertEquals(0x12345678, Segments.getInt(ring.segment(), 12));
        RingData heap = RingData.of(ByteBuffer.allocate(2 * SIZE), SIZE);
        assertEquals(0, heap.address());
        assertNull(heap.segment(), "a heap buffer is read through its own gets");
    }

    @Test
    void aCopyMadeForOneRingRefusesAnother() {
        ByteBuffer data = direct(2 * SIZE);
        var e = assertThrows(IllegalArgumentException.class, () -> LoopCopies.newCopy(RingBufferRing.class, RingData.of(data, SIZE), LOOP,
                "ring buffer", direct(8), direct(8), direct(2 * SIZE), SIZE, (RawRecordHandler) (r, o, l) -> {}));
        assertEquals("this copy of the reading loop was made for another ring", e.getMessage());
    }
}
