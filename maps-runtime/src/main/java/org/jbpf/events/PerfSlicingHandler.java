package org.jbpf.events;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Hands each perf buffer sample out as a view of its own (one object per sample); copied per reader ({@link LoopCopies}). */
final class PerfSlicingHandler implements RawSampleHandler {
    private final SampleHandler handler;

    PerfSlicingHandler(SampleHandler handler) { this.handler = handler; }

    @Override public void onSample(int cpu, ByteBuffer buffer, int offset, int length) {
        handler.onSample(cpu, buffer.slice(offset, length).order(ByteOrder.LITTLE_ENDIAN));
    }
}
