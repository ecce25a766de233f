package org.jbpf.events;

import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A BPF ring buffer laid out as the kernel maps it, for tests of the reading loop: the consumer and producer pages,
 * and the data area written twice in a row, as the kernel's double mapping shows it. Records are written as a BPF
 * program reserves them (the header busy until committed, or discarded), and the non-discarded ones are kept in
 * order: what a correct reader hands out, whatever its loop.
 */
final class FakeRing {
    /** The loop's constructor for an in-place handler. */
    static final MethodType LOOP = MethodType.methodType(void.class, String.class, ByteBuffer.class, ByteBuffer.class, ByteBuffer.class,
            int.class, RawRecordHandler.class);

    final int size;
    final ByteBuffer consumer = direct(8), producer = direct(8), data;
    /** The bodies of the records a reader is to hand out, as hex text, in the order written (busy ones too, to be committed). */
    final List<String> expected = new ArrayList<>();
    long prod;

    /** A ring of {@code size} bytes (a power of two), its data in direct memory or on the heap. */
    FakeRing(int size, boolean direct) {
        this.size = size;
        data = direct ? direct(2 * size) : ByteBuffer.allocate(2 * size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static ByteBuffer direct(int n) { return ByteBuffer.allocateDirect(n).order(ByteOrder.LITTLE_ENDIAN); }

    /** The body of a record handed out in place, as hex text. */
    static String hex(ByteBuffer ring, int offset, int length) {
        byte[] b = new byte[length];
        ring.get(offset, b);
        return HexFormat.of().formatHex(b);
    }

    /** A reading loop over this ring: the loop class itself, or a copy holding the ring as constants ({@link RingData}). */
    RingLoop loop(boolean copy, RawRecordHandler handler) {
        return copy
                ? (RingLoop) LoopCopies.newCopy(RingBufferRing.class, RingData.of(data, size), LOOP, "ring buffer", consumer, producer, data, size, handler)
                : new RingBufferRing("ring buffer", consumer, producer, data, size, handler);
    }

    /**
     * A record at the producer position, in both copies of the data, with the header's {@code flags}
     * ({@link RingBufferRing#BUSY_BIT}, {@link RingBufferRing#DISCARD_BIT} or 0); returns its header's position.
     */
    long write(byte[] body, int flags) {
        long at = prod;
        int header = body.length | flags;
        for (int i = 0; i < 4; i++) put(at + i, (byte) (header >>> (8 * i)));
        for (int i = 0; i < body.length; i++) put(at + 8 + i, body[i]);
        prod += (body.length + 8 + 7) & ~7;
        producer.putLong(0, prod);
        if ((flags & RingBufferRing.DISCARD_BIT) == 0) expected.add(HexFormat.of().formatHex(body));
        return at;
    }

    /** Clears the busy bit of the record at {@code at}, as the program's submit does. */
    void commit(long at, int length) {
        for (int i = 0; i < 4; i++) put(at + i, (byte) (length >>> (8 * i)));
    }

    /** The consumer position the loop published. */
    long consumed() { return consumer.getLong(0); }

    private void put(long position, byte b) {
        int i = (int) (position & (size - 1));
        data.put(i, b);
        data.put(size + i, b);
    }

    /**
     * Writes the same random records to every ring of {@code rings} (of one size) over {@code passes} passes and calls
     * {@code drain} after each: records of up to {@code maxBody} bytes, one in {@code discardOneIn} discarded, one in
     * {@code busyOneIn} left busy until a later pass commits it, never more than the ring holds. After the last pass
     * the busy record, if any, is committed and {@code drain} called once more.
     */
    static void produce(Random random, List<FakeRing> rings, int passes, int maxBody, int discardOneIn, int busyOneIn, int writeMore,
            Drain drain) {
        FakeRing first = rings.get(0);
        long busyAt = -1;
        int busyLength = 0;
        for (int pass = 0; pass <= passes; pass++) {
            if (busyAt >= 0 && (pass == passes || random.nextInt(3) == 0)) {
                for (FakeRing r : rings) r.commit(busyAt, busyLength);
                busyAt = -1;
            }
            while (pass < passes && busyAt < 0 && random.nextInt(writeMore) != 0) {
                byte[] body = new byte[random.nextInt(maxBody + 1)];
                random.nextBytes(body);
                long room = first.size - (first.prod - first.consumed());
                if (((body.length + 15) & ~7) > room) break;
                int flags = random.nextInt(discardOneIn) == 0 ? RingBufferRing.DISCARD_BIT
                        : random.nextInt(busyOneIn) == 0 ? RingBufferRing.BUSY_BIT : 0;
                long at = 0;
                for (FakeRing r : rings) at = r.write(body, flags);
                if (flags == RingBufferRing.BUSY_BIT) {
                    busyAt = at;
                    busyLength = body.length;
                }
            }
            drain.pass(pass, busyAt);
        }
    }

    /** What a test does after each pass of {@link #produce}: drain the rings and check them. */
    interface Drain {
        /** {@code busyAt}: the position of the record left busy, or -1. */
        void pass(int pass, long busyAt);
    }
}
