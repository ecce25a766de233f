package org.jbpf.events;

import java.nio.ByteBuffer;

/**
 * Receives one ring buffer record as a zero-copy, little-endian view of the kernel's memory: index 0 is the first
 * byte of the record and {@code limit()} its length. The view is valid only during the call; copy what you keep.
 */
@FunctionalInterface
public interface RecordHandler {
    void onRecord(ByteBuffer record);
}
