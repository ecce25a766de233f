package org.jbpf.events;

import java.nio.ByteBuffer;
import org.jbpf.runtime.RawMemory;

/**
 * Points one {@link RecordView} at each perf buffer sample and hands it on with its CPU; copied per reader
 * ({@link LoopCopies}). A sample that wrapped the end of the data area comes in a scratch copy on the heap, which the
 * view reads through the buffer.
 */
final class PerfViewingHandler implements RawSampleHandler {
    private final SampleViewHandler handler;
    private final RecordView view;
    /** The buffer whose address {@link #base} holds: the CPU's data area, or the scratch copy of a wrapped sample. */
    private ByteBuffer last;
    private long base;

    PerfViewingHandler(SampleViewHandler handler, RecordView view) {
        this.handler = handler;
        this.view = view;
    }

    @Override public void onSample(int cpu, ByteBuffer buffer, int offset, int length) {
        if (buffer != last) {
            last = buffer;
            base = RawMemory.base(buffer);
            view.point(buffer, base, 0, -1);  // the buffer, for the raw records after this one
        }
        long b = base;
        if (b != 0) view.pointRaw(b + offset, length);
        else view.point(buffer, 0, offset, length);
        handler.onSample(cpu, view);
    }
}
