package org.jbpf.events;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The reading side of one CPU's perf buffer: the metadata page ({@code struct perf_event_mmap_page}) and the data
 * pages after it. The kernel advances {@code data_head} (read with acquire) and we advance {@code data_tail}
 * (published with release, after the records' bytes were read). Records are a {@code perf_event_header} (u32 type,
 * u16 misc, u16 size) and a body; a record crossing the end of the data area is copied into a scratch buffer.
 *
 * <p>The tail is published once when a pass ends, as libbpf's perf buffer does, rather than after every record: the
 * kernel checks it only to see whether a new record fits. A close from another thread is noticed every
 * {@link RingBufferRing#CHECK_EVERY} records.
 */
final class PerfRing implements PerfLoop {
    static final int DATA_HEAD = 1024, DATA_TAIL = 1032;
    static final int RECORD_LOST = 2, RECORD_SAMPLE = 9;
    private static final int HEADER_SIZE = 8;

    private final int cpu;
    private final ByteBuffer meta;
    private final ByteBuffer data;
    private final ByteBuffer handlerView;
    private final long mask;
    private final int size;
    private final RawSampleHandler samples;
    private final LostHandler lostHandler;
    private ByteBuffer scratch;

    /** Samples handed out as views of their own (one object per sample). */
    PerfRing(int cpu, ByteBuffer meta, ByteBuffer data, int size, SampleHandler samples, LostHandler lostHandler) {
        this(cpu, meta, data, size, slicing(samples), lostHandler);
    }

    PerfRing(int cpu, ByteBuffer meta, ByteBuffer data, int size, RawSampleHandler samples, LostHandler lostHandler) {
        if (Integer.bitCount(size) != 1) throw new IllegalArgumentException("perf buffer size " + size + " is not a power of two");
        this.cpu = cpu;
        this.meta = meta.order(ByteOrder.LITTLE_ENDIAN);
        this.data = data.order(ByteOrder.LITTLE_ENDIAN);
        this.handlerView = data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        this.size = size;
        this.mask = size - 1;
        this.samples = samples;
        this.lostHandler = lostHandler;
    }

    /** A handler of views of their own, one per sample, over the in-place samples. */
    static RawSampleHandler slicing(SampleHandler handler) { return new PerfSlicingHandler(handler); }

    int cpu() { return cpu; }

    int consume(EventReader reader) { return consume(reader, RingBufferRing.NO_DEADLINE); }

    /** Hands out samples until the buffer is empty, one buffer's worth was read, or {@code deadline} has passed. */
    @Override public int consume(EventReader reader, long deadline) {
        // fields in locals: the fence below makes the JIT reload fields after each record, locals stay in registers
        ByteBuffer data = this.data, view = handlerView;
        RawSampleHandler samples = this.samples;
        int mask = (int) this.mask, size = this.size, cpu = this.cpu;
        int records = 0, untilCheck = RingBufferRing.CHECK_EVERY;
        long dropped = 0;
        long tail = (long) Fences.LONG.getAcquire(meta, DATA_TAIL);
        long limit = tail + size;
        int untilClock = deadline == RingBufferRing.NO_DEADLINE ? Integer.MAX_VALUE : 1;
        try {
            long head = (long) Fences.LONG.getAcquire(meta, DATA_HEAD);
            while (tail < head && tail < limit) {
                int at = (int) tail & mask;
                // records are 8-byte aligned, so the header itself never wraps
                int type = data.getInt(at);
                int length = data.getShort(at + 6) & 0xffff;
                if (length < HEADER_SIZE)
                    throw new IllegalStateException("perf buffer of CPU " + cpu + " has a record of " + length + " bytes at " + tail
                            + "; the buffer is corrupt");
                ByteBuffer rec = view;
                int base = at;
                if (at + length > size) {
                    rec = wrapped(at, length);
                    base = 0;
                }
                tail += length;
                if (type == RECORD_SAMPLE) {
                    int raw = rec.getInt(base + HEADER_SIZE);
                    records++;
                    samples.onSample(cpu, rec, base + HEADER_SIZE + 4, Math.min(raw, length - HEADER_SIZE - 4));
                } else if (type == RECORD_LOST) {
                    long n = rec.getLong(base + HEADER_SIZE + 8);
                    dropped += n;
                    if (lostHandler != null) lostHandler.onLost(cpu, n);
                }
                if (reader != null) {
                    // a close by this thread (from a handler) stops at this record, other threads' every few records
                    if (reader.closedByThisThread()) return records;
                    if (--untilCheck == 0) {
                        untilCheck = RingBufferRing.CHECK_EVERY;
                        if (reader.stopRequested()) return records;
                    }
                }
                if (--untilClock == 0) {
                    if (System.nanoTime() - deadline >= 0) return records;
                    untilClock = 4;  // perf samples each cost a wakeup already; the clock is cheap beside them
                }
                if (tail >= head) head = (long) Fences.LONG.getAcquire(meta, DATA_HEAD);
            }
            return records;
        } finally {
            // also when a handler throws: the record it was given counts as read
            VarHandle.releaseFence();  // the records are read before the kernel may overwrite them
            meta.putLong(DATA_TAIL, tail);
            if (reader != null && (records > 0 || dropped > 0)) {
                reader.received += records;
                reader.lost += dropped;
            }
        }
    }

    /** Copies a record that runs past the end of the data area into one contiguous scratch buffer. */
    private ByteBuffer wrapped(int at, int length) {
        if (scratch == null) scratch = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        int first = size - at;
        scratch.put(0, data, at, first);
        scratch.put(first, data, 0, length - first);
        return scratch;
    }
}
