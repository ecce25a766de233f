package org.jbpf.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.LongSupplier;
import org.jbpf.runtime.RawMemory;

/**
 * The consumer side of one BPF ring buffer, over three views of its mapping: the consumer page (read-write), the
 * producer page and the data area. The kernel maps the data pages twice in a row, so a record that wraps the end of
 * the ring is still contiguous in {@code data}.
 *
 * <p>Each record starts with an 8-byte header: a u32 length whose top bits say the record is still being written
 * (busy) or was discarded, then the record's page offset. Records take their length plus the header, rounded up to
 * 8 bytes. The producer position is read with acquire semantics so record bytes written before it are visible; each
 * header is a plain load followed by an acquire fence, which together make an acquire load: the producer clears the
 * busy bit with a release store, so the record's bytes read after the header are the committed ones. Mostly the fence
 * follows each header. For decoders ({@link HeadersFirst}) read through a memory segment or the buffer (JDK 24 and
 * later) one fence follows all the headers of a batch, read in a pass of their own before its records are handed
 * out, which orders every one of them before any record byte just as well: their many buffer reads are then not
 * redone after a fence per record (a reused {@code @Struct} 0.74 of libbpf's rate on JDK 25, 0.55 in one pass). A
 * handler reading little of each record is faster in one pass, where the second pass's stores and loads of the
 * headers cost more than the few fields loaded again: in place on JDK 25 0.99-1.07 of libbpf's rate against 0.88-0.99
 * in two passes, through {@link RecordView} 0.97-1.01 against 0.88-1.00 (scripts/bench-ringbuf, two runs under load,
 * both ring sizes), 5% and 8% less time a record on fake rings. The consumer
 * position is published once per batch of records, where libbpf publishes it after every record: a release fence
 * and a plain store, which together make a release store, so every read of the batch completes before the kernel may
 * see its space free and reuse it. Each fence makes the JIT load the buffers' fields again; one per record fewer read
 * 5-14% faster in place on JDK 17 and 25 and 5-10% faster through {@link RecordView} and decoders on JDK 25, while on
 * JDK 17, whose raw reads have few fields to load again, those two moved by -10% to +3% (scripts/bench-ringbuf, one
 * run a JDK under load). A batch holds at most {@link #CHECK_EVERY} records
 * (given a deadline, those between reads of the clock) and a quarter of the ring ({@link #batchBytes}), so the
 * producer gets space back soon and never finds more than that held by us; a close from another thread is noticed
 * between batches (a volatile read per record costs a fifth of a fast handler's time).
 *
 * <p>One pass hands out at most one ring's worth of bytes and, given a deadline, returns once it has passed, so a
 * producer that never stops cannot keep a poll from returning. The clock is read every few records: often for a slow
 * handler, rarely for a fast one.
 */
final class RingBufferRing implements RingLoop {
    static final int BUSY_BIT = 1 << 31, DISCARD_BIT = 1 << 30, HEADER_SIZE = 8;
    /** No deadline: the pass is bounded by the ring's size only. */
    static final long NO_DEADLINE = Long.MAX_VALUE;
    /** Records between checks for a close from another thread when there is no deadline. */
    static final int CHECK_EVERY = 64;
    private static final int MAX_CLOCK_INTERVAL = 256;

    /** In a copy made for one ring ({@link RingBufferReader}), that ring's data area as constants; {@link RingData#NONE} here. */
    private static final RingData RING = RingData.of(MethodHandles.lookup());
    private static final boolean CONSTANT = RING != RingData.NONE;
    private static final int SIZE = RING.size();
    private static final Object SEGMENT = RING.segment();

    private final ByteBuffer consumer;
    private final ByteBuffer producer;
    private final ByteBuffer data;
    /** The data area's address for raw header reads ({@link RawMemory}), 0 to read through {@link #data}. */
    private final long dataAddress;
    /** The consumer position's address for a raw store, 0 to store through {@link #consumer}. */
    private final long consumerAddress;
    private final ByteBuffer handlerView;
    private final String name;
    private final int size;
    private final RawRecordHandler handler;
    /** With {@link #recordView}: the handler each record is handed to through the view, instead of {@link #handler}. */
    private final RecordViewHandler viewHandler;
    private final RecordView recordView;
    /**
     * Whether a batch's headers are read in a pass of their own before its records are handed out: for decoders
     * ({@link HeadersFirst}) read through a segment or the buffer, never with raw reads.
     */
    private final boolean headersFirst;
    private volatile long discarded;
    /**
     * The most bytes of records one batch hands out before their space is freed: a quarter of the ring (at least one
     * record a batch, whatever its size). Tests set other sizes.
     */
    long batchBytes;
    /**
     * With {@link #headersFirst}: the place and header of each record of a batch, from its pass over headers to its
     * pass over records; null otherwise.
     */
    private final long[] scanned;
    /** The space of the last record read, the guess for the first record of the next pass. */
    private long lastStep = HEADER_SIZE;
    /** {@link System#nanoTime}, or a test's clock. */
    LongSupplier clock = System::nanoTime;

    /** Records handed out as views of their own (one object per record). */
    RingBufferRing(ByteBuffer consumer, ByteBuffer producer, ByteBuffer data, int size, RecordHandler handler) {
        this(consumer, producer, data, size, slicing(handler));
    }

    RingBufferRing(ByteBuffer consumer, ByteBuffer producer, ByteBuffer data, int size, RawRecordHandler handler) {
        this("ring buffer", consumer, producer, data, size, handler);
    }

    /** {@code name} says which ring in errors, e.g. {@code ring buffer "events"}. */
    RingBufferRing(String name, ByteBuffer consumer, ByteBuffer producer, ByteBuffer data, int size, RawRecordHandler handler) {
        this(name, consumer, producer, data, size, handler, null, null);
    }

    /**
     * Records handed to {@code viewHandler} through {@code view}, pointed at each in turn by this loop itself: its
     * locals stay in registers across the fences, where a handler object's fields would be loaded again per record.
     */
    RingBufferRing(String name, ByteBuffer consumer, ByteBuffer producer, ByteBuffer data, int size, RecordViewHandler viewHandler,
            RecordView view) {
        this(name, consumer, producer, data, size, null, viewHandler, view);
    }

    private RingBufferRing(String name, ByteBuffer consumer, ByteBuffer producer, ByteBuffer data, int size, RawRecordHandler handler,
            RecordViewHandler viewHandler, RecordView view) {
        if (Integer.bitCount(size) != 1) throw new IllegalArgumentException("ring size " + size + " is not a power of two");
        this.consumer = consumer.order(ByteOrder.LITTLE_ENDIAN);
        this.producer = producer;
        this.data = data.order(ByteOrder.LITTLE_ENDIAN);
        if (data.capacity() < 2 * size) throw new IllegalArgumentException("ring data of " + data.capacity() + " bytes is not mapped twice");
        this.dataAddress = RawMemory.base(data);
        this.consumerAddress = RawMemory.base(this.consumer);
        this.name = name;
        this.handlerView = data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        this.size = size;
        this.batchBytes = size / 4;
        this.handler = handler;
        this.viewHandler = viewHandler;
        this.recordView = view;
        this.headersFirst = dataAddress == 0 && handler instanceof HeadersFirst;
        this.scanned = headersFirst ? new long[Math.max(CHECK_EVERY, MAX_CLOCK_INTERVAL)] : null;
        if (CONSTANT && (RING.data() != data || RING.size() != size))
            throw new IllegalArgumentException("this copy of the reading loop was made for another ring");
    }

    /** A handler of views of their own, one per record, over the in-place records. */
    static RawRecordHandler slicing(RecordHandler handler) { return new SlicingHandler(handler); }

    /** {@link #consume(EventReader, long)} with no deadline. */
    int consume(EventReader reader) { return consume(reader, NO_DEADLINE); }

    /**
     * Hands committed records to the handler, skipping discarded ones, until the ring is empty, a record is still
     * busy (records after it are not ready to read in order), one ring's worth was read, the reader is closing or
     * {@code deadline} ({@link System#nanoTime}) has passed. Returns the records handed out.
     */
    @Override public int consume(EventReader reader, long deadline) {
        // fields in locals: the fences below make the JIT reload fields after each record, locals stay in registers
        ByteBuffer data = this.data, view = handlerView, consumer = this.consumer;
        RawRecordHandler handler = this.handler;
        RecordViewHandler viewHandler = this.viewHandler;
        RecordView recordView = this.recordView;
        long[] scanned = this.scanned;
        boolean headersFirst = this.headersFirst;
        long address = dataAddress, consumerAt = consumerAddress;
        // in a copy made for this ring on JDK 22 and later, constants (RingData) the JIT folds into the loop. Raw reads
        // keep the fields: the copy's constant address and size read 1.2x faster on fake rings on JDK 17 but 0.87-0.90x
        // on the kernel's ring in place (scripts/bench-ringbuf, one run under load)
        Object segment = CONSTANT ? SEGMENT : null;
        if (recordView != null) recordView.point(view, address, 0, -1);  // the buffer its raw records are in
        int size = segment != null ? SIZE : this.size, mask = size - 1;
        int records = 0, skipped = 0;
        long cons = (long) Fences.LONG.getAcquire(consumer, 0);
        long limit = cons + size;
        long guess = lastStep;
        int clockInterval = 16;
        long lastClock = deadline == NO_DEADLINE ? 0 : clock.getAsLong();
        try {
            long prod = (long) Fences.LONG.getAcquire(producer, 0);
            while (true) {
                if (cons >= prod) {
                    prod = (long) Fences.LONG.getAcquire(producer, 0);
                    if (cons >= prod) return records;
                }
                if (cons >= limit) return records;
                // one batch: records up to what the producer had reserved, the batch's bytes, or the next check of
                // the clock and of a close from another thread, whichever comes first
                long end = Math.min(Math.min(prod, limit), cons + batchBytes);
                int batch = deadline == NO_DEADLINE ? CHECK_EVERY : clockInterval;
                if (!headersFirst) {
                    // one pass, a fence after each header: raw reads (JDK 17 to 23) and, through a segment or the
                    // buffer, handlers that read little of each record (see the class comment)
                    for (int left = batch; left > 0 && cons < end; left--) {
                        // the header's index, < size, and the data is mapped twice: the header is inside the mapping
                        long here = cons & mask;
                        int header = address != 0 ? RawMemory.getInt(address + here)
                                : segment != null ? Segments.getInt(segment, here) : data.getInt((int) here);
                        VarHandle.acquireFence();  // the header before the record bytes the producer committed with it
                        if (header < 0) return records;  // BUSY_BIT, the sign bit
                        int length = header & ~(BUSY_BIT | DISCARD_BIT);
                        // the record's space, length and header rounded up to 8, straight from the header: the flag
                        // bits fall out with the mask (the length check below refuses any length whose rounding would
                        // carry into them)
                        long step = ((long) header + HEADER_SIZE + 7) & 0x3fff_fff8L;
                        if (length > size - HEADER_SIZE || cons + step > prod) throw corrupt(cons, length, prod);
                        // the next position from the last record's space, not this one's: records of one size follow
                        // each other, and then the next header's load need not wait for this one's (a load, then
                        // additions and masks to the next load bound the loop, not the work per record); a record of
                        // another size costs one mispredicted branch. One position, the header's index masked from it
                        // per record: with a second one kept beside it the JIT spilled both to the stack (JDK 25)
                        long next = cons + guess;
                        if (step != guess) {
                            next = cons + step;
                            guess = step;
                        }
                        cons = next;  // before the handler: a throw counts its record read
                        if ((header & DISCARD_BIT) == 0) {
                            records++;
                            if (viewHandler == null) {
                                handler.onRecord(view, (int) here + HEADER_SIZE, length);
                            } else {
                                if (address != 0) recordView.pointRaw(address + here + HEADER_SIZE, length);
                                else recordView.pointIndex((int) here + HEADER_SIZE, length);
                                viewHandler.onRecord(recordView);
                            }
                        } else {
                            skipped++;
                        }
                        // a close by this thread (from a handler) stops at this record; other threads' closes below
                        if (reader != null && reader.closedByThisThread()) return records;
                    }
                } else {
                    // a HeadersFirst handler (never a RecordView's) through a segment or the buffer (JDK 24 and
                    // later): a fence per record made the JIT load again, for every record, the fields its many reads
                    // need. So pass 1 reads the batch's headers, each a plain load, into scanned[], stopping before a
                    // busy record (those after it are not ready in order) or a corrupt one
                    int n = 0;
                    long scan = cons, at = cons & mask;  // the header's position and its index
                    boolean busy = false;
                    int badLength = -1;
                    while (n < batch && scan < end) {
                        int header = segment != null ? Segments.getInt(segment, at) : data.getInt((int) at);
                        if (header < 0) {
                            busy = true;
                            break;
                        }
                        int length = header & ~(BUSY_BIT | DISCARD_BIT);
                        long step = ((long) header + HEADER_SIZE + 7) & 0x3fff_fff8L;
                        if (length > size - HEADER_SIZE || scan + step > prod) {
                            badLength = length;
                            break;
                        }
                        scanned[n++] = (long) header << 32 | at;
                        scan += step;
                        long here = at;  // the guess, as above
                        at = (at + guess) & mask;
                        if (step != guess) {
                            at = (here + step) & mask;
                            guess = step;
                        }
                    }
                    // one fence for the batch: every header above is read before any record byte below, so each
                    // header read is an acquire load, as the producer's release of the busy bit needs
                    VarHandle.acquireFence();
                    // pass 2: the records, no fence between them; a committed header does not change until its space
                    // is given back
                    for (int i = 0; i < n; i++) {
                        long entry = scanned[i];
                        int header = (int) (entry >>> 32);
                        int here = (int) entry;
                        int length = header & ~(BUSY_BIT | DISCARD_BIT);
                        cons += ((long) header + HEADER_SIZE + 7) & 0x3fff_fff8L;  // before the handler: a throw counts it read
                        if ((header & DISCARD_BIT) == 0) {
                            records++;
                            handler.onRecord(view, here + HEADER_SIZE, length);
                        } else {
                            skipped++;
                        }
                        if (reader != null && reader.closedByThisThread()) return records;
                    }
                    if (badLength >= 0) throw corrupt(cons, badLength, prod);
                    if (busy) return records;
                }
                // the batch's space back to the producer, in one release store
                VarHandle.releaseFence();  // reads of the batch complete before the kernel may reuse its space
                if (consumerAt != 0) RawMemory.putLong(consumerAt, cons);
                else consumer.putLong(0, cons);
                if (reader != null && reader.stopRequested()) return records;
                if (deadline != NO_DEADLINE) {
                    long now = clock.getAsLong();
                    if (now - deadline >= 0) return records;
                    // aim at about 16 clock reads before the deadline
                    long perRecord = Math.max(1, (now - lastClock) / clockInterval);
                    clockInterval = (int) Math.max(1, Math.min(MAX_CLOCK_INTERVAL, (deadline - now) / 16 / perRecord));
                    lastClock = now;
                }
            }
        } finally {
            // also when a handler throws: the record it was given counts as read
            VarHandle.releaseFence();
            consumer.putLong(0, cons);
            lastStep = guess;
            if (records + skipped > 0) {
                if (skipped > 0) discarded += skipped;
                if (reader != null) reader.received += records;
            }
        }
    }

    private IllegalStateException corrupt(long at, int length, long prod) {
        return new IllegalStateException(name + " has a record of " + length + " bytes at position " + at + ", past what the producer "
                + "wrote (position " + prod + ") in a ring of " + size + " bytes; the ring is corrupt: close the reader and reload the probe");
    }

    @Override public long discarded() { return discarded; }

    /** Whether each batch's headers are read in a pass of their own (see {@link HeadersFirst}). */
    boolean readsHeadersFirst() { return headersFirst; }

    /** Bytes written but not yet consumed. */
    @Override public long available() {
        return (long) Fences.LONG.getAcquire(producer, 0) - (long) Fences.LONG.getAcquire(consumer, 0);
    }
}
