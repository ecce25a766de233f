package org.jbpf.events;

/**
 * A ring buffer handler that reads much of each record or of the buffer's fields (the decoders, a view of its own per
 * record): where the ring is read through a memory segment or its buffer (JDK 24 and later), its loop
 * ({@link RingBufferRing}) reads each batch's headers in a pass of their own, then one acquire fence, then hands out
 * the records, so the handler's loads are not redone after a fence per record (on fake rings, JDK 25: a reused
 * {@code @Struct} 4.5 ns a record either way, a view per record 3.1 against 3.6 in one pass). A handler reading little
 * (in place, a {@link RecordView}) is faster in one pass, a fence after each header. Hidden copies of a handler's
 * class ({@link LoopCopies}) implement it too.
 */
interface HeadersFirst {}
