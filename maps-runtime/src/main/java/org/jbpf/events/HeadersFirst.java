package org.jbpf.events;

/**
 * A ring buffer handler that reads much of each record (the decoders): where the ring is read through a memory segment
 * or its buffer (JDK 24 and later), its loop ({@link RingBufferRing}) reads each batch's headers in a pass of their
 * own, then one acquire fence, then hands out the records, so the handler's reads are not redone after a fence per
 * record. A handler reading little (in place, a {@link RecordView}) is faster in one pass, a fence after each header.
 * Hidden copies of a handler's class ({@link LoopCopies}) implement it too.
 */
interface HeadersFirst {}
