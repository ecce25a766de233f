package org.jbpf.events;

/** The reading loop of one CPU's perf buffer: {@link PerfRing}, or a copy of it made for one reader ({@link LoopCopies}). */
interface PerfLoop {
    /** See {@link PerfRing#consume(EventReader, long)}. */
    int consume(EventReader reader, long deadline);
}
