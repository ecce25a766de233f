package org.jbpf.events;

/** The reading loop of one ring buffer: {@link RingBufferRing}, or a copy of it made for one reader ({@link LoopCopies}). */
interface RingLoop {
    /** See {@link RingBufferRing#consume(EventReader, long)}. */
    int consume(EventReader reader, long deadline);

    /** Discarded records skipped so far. */
    long discarded();

    /** Bytes written but not yet consumed. */
    long available();
}
