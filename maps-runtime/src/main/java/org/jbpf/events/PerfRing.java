package org.jbpf.events;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jbpf.runtime.RawMemory;

/**
 * The reading side of one CPU's perf buffer: the metadata page ({@code struct perf_event_mmap_page}) and the data
 * pages after it. The kernel advances {@code data_head} (read with acquire) and we advance {@code data_tail}
 * (published with release, after the records' bytes were read). Records are a {@code perf_event_header} (u32 type,
 * u16 misc, u16 size) and a body; a record crossing the end of the data area is copied into a scratch buffer.
 *
 * <p>The tail is published once when a pass ends, as libbpf's perf buffer does, rather than after every record: the
 * kernel checks it only to see whether a new record fits. A close from another thread is noticed every
 * {@link RingBufferRing#CHECK_EVERY} records. The samples are read in batches, an inner loop whose only exits are the
 * batch's end, the data's and a record that is not a contiguous sample: with the checks counted down per sample in one
 * loop instead, the JIT compiled the loop to run at 3.7 or 5.6 ns a sample depending on the run, against a steady 3.1
 * batched (fake buffers in cache). Wrapped samples, lost counts and other records are read outside the inner loop, so
 * it holds no call the JIT leaves out of line (see {@link #consume}).
 */
final class PerfRing implements PerfLoop {
    static final int DATA_HEAD = 1024, DATA_TAIL = 1032;
    static final int RECORD_LOST = 2, RECORD_SAMPLE = 9;
    private static final int HEADER_SIZE = 8;
    /** Samples between reads of the clock given a deadline: each sample cost a wakeup already, the clock is cheap beside it. */
    private static final int CLOCK_EVERY = 4;

    private final int cpu;
    private final ByteBuffer meta;
    private final ByteBuffer data;
    /** The data area's address for raw header reads ({@link RawMemory}), 0 to read through {@link #data}. */
    private final long dataAddress;
    private final ByteBuffer handlerView;
    private final String name;
    private final long mask;
    private final int size;
    private final RawSampleHandler samples;
    /** With {@link #recordView}: the handler each sample is handed to through the view, instead of {@link #samples}. */
    private final SampleViewHandler viewHandler;
    private final RecordView recordView;
    private final LostHandler lostHandler;
    /**
     * Where a record that wraps the end of the data area is copied, and the read-only view of it handed out: direct, as
     * {@link #handlerView} is, so a handler's reads see one buffer class only and stay inlined without a type switch.
     */
    private ByteBuffer scratch, scratchView;

    /** Samples handed out as views of their own (one object per sample). */
    PerfRing(int cpu, ByteBuffer meta, ByteBuffer data, int size, SampleHandler samples, LostHandler lostHandler) {
        this(cpu, meta, data, size, slicing(samples), lostHandler);
    }

    PerfRing(int cpu, ByteBuffer meta, ByteBuffer data, int size, RawSampleHandler samples, LostHandler lostHandler) {
        this("perf buffer", cpu, meta, data, size, samples, lostHandler);
    }

    /** {@code name} says which buffer in errors, e.g. {@code perf buffer "events"}. */
    PerfRing(String name, int cpu, ByteBuffer meta, ByteBuffer data, int size, RawSampleHandler samples, LostHandler lostHandler) {
        this(name, cpu, meta, data, size, samples, null, null, lostHandler);
    }

    /** Samples handed to {@code viewHandler} through {@code view}, pointed at each in turn by this loop (see {@link RingBufferRing}). */
    PerfRing(String name, int cpu, ByteBuffer meta, ByteBuffer data, int size, SampleViewHandler viewHandler, RecordView view,
            LostHandler lostHandler) {
        this(name, cpu, meta, data, size, null, viewHandler, view, lostHandler);
    }

    private PerfRing(String name, int cpu, ByteBuffer meta, ByteBuffer data, int size, RawSampleHandler samples,
            SampleViewHandler viewHandler, RecordView view, LostHandler lostHandler) {
        if (Integer.bitCount(size) != 1) throw new IllegalArgumentException("perf buffer size " + size + " is not a power of two");
        this.cpu = cpu;
        this.meta = meta.order(ByteOrder.LITTLE_ENDIAN);
        this.data = data.order(ByteOrder.LITTLE_ENDIAN);
        if (data.capacity() < size) throw new IllegalArgumentException("perf data of " + data.capacity() + " bytes is smaller than " + size);
        this.dataAddress = RawMemory.base(data);
        this.name = name;
        this.handlerView = data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        this.size = size;
        this.mask = size - 1;
        this.samples = samples;
        this.viewHandler = viewHandler;
        this.recordView = view;
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
        SampleViewHandler viewHandler = this.viewHandler;
        RecordView recordView = this.recordView;
        long address = dataAddress;
        if (recordView != null) recordView.point(view, address, 0, -1);  // the buffer its raw samples are in
        int mask = (int) this.mask, size = this.size, cpu = this.cpu;
        int records = 0;
        long dropped = 0;
        long tail = (long) Fences.LONG.getAcquire(meta, DATA_TAIL);
        long limit = tail + size;
        try {
            long head = (long) Fences.LONG.getAcquire(meta, DATA_HEAD);
            while (true) {
                if (tail >= head) {
                    head = (long) Fences.LONG.getAcquire(meta, DATA_HEAD);
                    if (tail >= head) return records;
                }
                long end = Math.min(head, limit);
                if (tail >= end) return records;
                // one batch: samples up to what the kernel had written, or until the next check of the clock and of a
                // close from another thread. The inner loop takes contiguous samples only and makes no call the JIT
                // does not inline: a call in it (the copy of a wrapped record) made C2 keep the loop's position and
                // buffers in stack slots, a store and reloads on the chain from one header's load to the next, once a
                // wrap had been seen (always, in a program that runs a while). Any other record ends it and is read
                // after it, then the inner loop goes on
                int left = deadline == RingBufferRing.NO_DEADLINE ? RingBufferRing.CHECK_EVERY : CLOCK_EVERY;
                while (left > 0 && tail < end) {
                    for (; left > 0 && tail < end; left--) {
                        int at = (int) tail & mask;
                        int type, length;
                        if (address != 0) {
                            type = RawMemory.getInt(address + at);
                            length = RawMemory.getShort(address + at + 6) & 0xffff;
                        } else {
                            // the whole header in one get: u32 type, u16 misc, u16 size. Each buffer get checks its
                            // index and scope, so one get for two was 8% faster on JDK 25; two raw loads stay faster
                            long header = data.getLong(at);
                            type = (int) header;
                            length = (int) (header >>> 48);
                        }
                        // records are 8-byte aligned, so the header itself never wraps (at + 8 <= size)
                        if (type != RECORD_SAMPLE || at + length > size) break;
                        // the one check of the sample against the buffer: handlers then read it without leaving the mapping
                        if (length < HEADER_SIZE + 4 || tail + length > head) throw corrupt(tail, length, head);
                        int raw = address != 0 ? RawMemory.getInt(address + at + HEADER_SIZE) : view.getInt(at + HEADER_SIZE);
                        if (raw < 0) throw corrupt(tail, length, head);
                        tail += length;
                        records++;
                        int n = Math.min(raw, length - HEADER_SIZE - 4);
                        if (viewHandler == null) {
                            samples.onSample(cpu, view, at + HEADER_SIZE + 4, n);
                        } else {
                            if (address != 0) recordView.pointRaw(address + at + HEADER_SIZE + 4, n);
                            else recordView.pointIndex(at + HEADER_SIZE + 4, n);
                            viewHandler.onSample(cpu, recordView);
                        }
                        // a close by this thread (from a handler) stops at this sample; other threads' closes below
                        if (reader != null && reader.closedByThisThread()) return records;
                    }
                    if (left > 0 && tail < end) {
                        // the record that stopped the inner loop, outside it: a sample wrapping the end of the data
                        // area (copied into one contiguous scratch buffer), a lost count or a record of another type
                        int at = (int) tail & mask;
                        int type = view.getInt(at), length = view.getShort(at + 6) & 0xffff;
                        if (length < (type == RECORD_SAMPLE ? HEADER_SIZE + 4 : type == RECORD_LOST ? HEADER_SIZE + 16 : HEADER_SIZE)
                                || length > size || tail + length > head)
                            throw corrupt(tail, length, head);
                        boolean contiguous = at + length <= size;
                        ByteBuffer rec = contiguous ? view : wrapped(at, length);
                        int base = contiguous ? at : 0;
                        int raw = type != RECORD_SAMPLE ? 0 : rec.getInt(base + HEADER_SIZE);
                        if (raw < 0) throw corrupt(tail, length, head);
                        tail += length;  // before the handler: a throw counts its record read
                        left--;
                        if (type == RECORD_SAMPLE) {
                            records++;
                            int n = Math.min(raw, length - HEADER_SIZE - 4);
                            if (viewHandler == null) {
                                samples.onSample(cpu, rec, base + HEADER_SIZE + 4, n);
                            } else {
                                recordView.point(rec, contiguous ? address : 0, base + HEADER_SIZE + 4, n);
                                viewHandler.onSample(cpu, recordView);
                                recordView.point(view, address, 0, -1);  // back to the data area for the samples after it
                            }
                        } else if (type == RECORD_LOST) {
                            long n = rec.getLong(base + HEADER_SIZE + 8);
                            dropped += n;
                            if (lostHandler != null) lostHandler.onLost(cpu, n);
                        }
                        if (reader != null && reader.closedByThisThread()) return records;
                    }
                }
                if (reader != null && reader.stopRequested()) return records;
                if (deadline != RingBufferRing.NO_DEADLINE && System.nanoTime() - deadline >= 0) return records;
            }
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

    private IllegalStateException corrupt(long at, int length, long head) {
        return new IllegalStateException(name + " of CPU " + cpu + " has a record of " + length + " bytes at position " + at
                + " (data written up to " + head + ", buffer of " + size + " bytes); the buffer is corrupt: close the reader and reload the probe");
    }

    /** Copies a record that runs past the end of the data area into one contiguous scratch buffer. */
    private ByteBuffer wrapped(int at, int length) {
        if (scratch == null) {
            scratch = ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            scratchView = scratch.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        }
        int first = size - at;
        scratch.put(0, data, at, first);
        scratch.put(first, data, 0, length - first);
        return scratchView;
    }
}
