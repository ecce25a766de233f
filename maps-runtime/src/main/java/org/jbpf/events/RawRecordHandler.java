package org.jbpf.events;

import java.nio.ByteBuffer;

/**
 * Receives one ring buffer record in place, with no object made for it: {@code ring} is a read-only little-endian
 * view of the ring's whole data area (which the kernel maps twice in a row, so a record is contiguous even where it
 * wraps) and the record is the {@code length} bytes from index {@code offset}. Read them with absolute gets, e.g.
 * {@code ring.getLong(offset + 8)}. The view is the same object for every record and the bytes are valid only during
 * the call: copy what you keep. This is the fastest way to read a ring buffer.
 */
@FunctionalInterface
public interface RawRecordHandler {
    void onRecord(ByteBuffer ring, int offset, int length);
}
