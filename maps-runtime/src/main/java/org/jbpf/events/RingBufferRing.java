package org.jbpf.events;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The consumer side of one BPF ring buffer, over three views of its mapping: the consumer page (read-write), the
 * producer page and the data area. The kernel maps the data pages twice in a row, so a record that wraps the end of
 * the ring is still contiguous in {@code data}.
 *
 * <p>Each record starts with an 8-byte header: a u32 length whose top bits say the record is still being written
 * (busy) or was discarded, then the record's page offset. Records take their length plus the header, rounded up to
 * 8 bytes. The producer position is read with acquire semantics so record bytes written before it are visible; each
 * header is followed by an acquire fence because the producer clears the busy bit with a release store; a release
 * fence precedes each consumer position store so the kernel never reuses bytes still being read. (Plain buffer
 * reads plus fences cost less per record than acquire/release accesses through a VarHandle.)
 */
final class RingBufferRing {
    static final int BUSY_BIT = 1 << 31, DISCARD_BIT = 1 << 30, HEADER_SIZE = 8;

    private final ByteBuffer consumer;
    private final ByteBuffer producer;
    private final ByteBuffer data;
    private final long mask;
    private final RecordHandler handler;
    private volatile long discarded;

    RingBufferRing(ByteBuffer consumer, ByteBuffer producer, ByteBuffer data, int size, RecordHandler handler) {
        if (Integer.bitCount(size) != 1) throw new IllegalArgumentException("ring size " + size + " is not a power of two");
        this.consumer = consumer.order(ByteOrder.LITTLE_ENDIAN);
        this.producer = producer;
        this.data = data.order(ByteOrder.LITTLE_ENDIAN);
        this.mask = size - 1;
        this.handler = handler;
    }

    /**
     * Hands every committed record to the handler, skipping discarded ones, and stops at the first record still
     * busy (records after it are not ready to read in order). {@code stop} is checked between records.
     */
    int consume(EventReader reader) {
        int records = 0, skipped = 0;
        long cons = (long) Fences.LONG.getAcquire(consumer, 0);
        try {
            boolean more = true;
            while (more) {
                more = false;
                long prod = (long) Fences.LONG.getAcquire(producer, 0);
                while (cons < prod) {
                    int at = (int) (cons & mask);
                    int header = data.getInt(at);
                    VarHandle.acquireFence();  // the header before the record bytes the producer committed with it
                    if ((header & BUSY_BIT) != 0) return records;
                    int length = header & ~(BUSY_BIT | DISCARD_BIT);
                    cons += (length + HEADER_SIZE + 7) & ~7L;
                    try {
                        if ((header & DISCARD_BIT) == 0) {
                            records++;
                            handler.onRecord(data.slice(at + HEADER_SIZE, length).order(ByteOrder.LITTLE_ENDIAN));
                        } else {
                            skipped++;
                        }
                    } finally {
                        VarHandle.releaseFence();  // reads of the record complete before the kernel may reuse its space
                        consumer.putLong(0, cons);
                    }
                    if (reader != null && reader.stopRequested()) return records;
                    more = true;
                }
            }
            return records;
        } finally {
            // one volatile write per call keeps the counters cheap to maintain
            if (records + skipped > 0) {
                discarded += skipped;
                if (reader != null) reader.received += records;
            }
        }
    }

    long discarded() { return discarded; }

    /** Bytes written but not yet consumed. */
    long available() {
        return (long) Fences.LONG.getAcquire(producer, 0) - (long) Fences.LONG.getAcquire(consumer, 0);
    }
}
