package org.jbpf.events;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
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
    private static final MethodType LOOP = FakeRing.LOOP;

    private static ByteBuffer direct(int n) { return FakeRing.direct(n); }

    @ParameterizedTest(name = "direct data: {0}")
    @ValueSource(booleans = {true, false})
    void aCopyWithConstantsReadsWhatTheLoopClassReads(boolean direct) {
        FakeRing plainRing = new FakeRing(SIZE, direct), copyRing = new FakeRing(SIZE, direct);
        List<String> plainGot = new ArrayList<>(), copyGot = new ArrayList<>();
        RingLoop plain = plainRing.loop(false, (r, off, len) -> plainGot.add(FakeRing.hex(r, off, len)));
        RingLoop copy = copyRing.loop(true, (r, off, len) -> copyGot.add(FakeRing.hex(r, off, len)));
        assertTrue(copy.getClass().isHidden());
        // records of random sizes, some discarded, one now and then left busy, never more than the ring holds
        FakeRing.produce(new Random(19), List.of(plainRing, copyRing), 2000, 60, 7, 9, 4, (pass, busyAt) -> {
            assertEquals(plain.consume(null, RingBufferRing.NO_DEADLINE), copy.consume(null, RingBufferRing.NO_DEADLINE), "pass " + pass);
            assertEquals(plainRing.consumed(), copyRing.consumed(), "pass " + pass);
        });
        assertEquals(copyRing.expected, copyGot, "exactly the records written and not discarded, in order");
        assertEquals(plainGot, copyGot);
        assertEquals(plain.discarded(), copy.discarded());
        assertTrue(plainGot.size() > 1000, plainGot.size() + " records");
        assertTrue(plain.discarded() > 100, plain.discarded() + " discarded");
        assertTrue(plainRing.prod > 100L * SIZE, "the ring wrapped many times");
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
