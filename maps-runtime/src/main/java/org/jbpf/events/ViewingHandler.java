package org.jbpf.events;

import java.nio.ByteBuffer;
import org.jbpf.runtime.RawMemory;

/**
 * Points one {@link RecordView} at each ring buffer record and hands it on; copied per reader ({@link LoopCopies}) so
 * the loop's call of it, and its call of the user's handler, each see one type and are inlined.
 */
final class ViewingHandler implements RawRecordHandler {
    private final RecordViewHandler handler;
    private final RecordView view;
    /** The buffer whose address {@link #base} holds: the loop hands out the same one for every record. */
    private ByteBuffer last;
    private long base;

    ViewingHandler(RecordViewHandler handler, RecordView view) {
        this.handler = handler;
        this.view = view;
    }

    @Override public void onRecord(ByteBuffer ring, int offset, int length) {
        if (ring != last) {
            last = ring;
            base = RawMemory.base(ring);
            view.point(ring, base, 0, -1);  // the buffer, for the raw records after this one
        }
        long b = base;
        if (b != 0) view.pointRaw(b + offset, length);
        else view.point(ring, 0, offset, length);
        handler.onRecord(view);
    }
}
