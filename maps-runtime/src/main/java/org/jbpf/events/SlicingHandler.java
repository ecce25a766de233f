package org.jbpf.events;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Hands each ring buffer record out as a view of its own (one object per record); copied per reader ({@link LoopCopies}). */
final class SlicingHandler implements RawRecordHandler, HeadersFirst {
    private final RecordHandler handler;

    SlicingHandler(RecordHandler handler) { this.handler = handler; }

    @Override public void onRecord(ByteBuffer ring, int offset, int length) {
        handler.onRecord(ring.slice(offset, length).order(ByteOrder.LITTLE_ENDIAN));
    }
}
