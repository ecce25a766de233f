package org.jbpf.runtime;

import java.nio.ByteBuffer;

/**
 * Receives one map entry as little-endian views of the bytes the kernel copied out: each view's position is the
 * first byte of the key (or value) and its limit the last, so relative reads ({@code key.getInt()},
 * {@code value.getLong()}) decode it without boxing or copying. For per-CPU maps the value holds one slot per possible
 * CPU, each rounded up to 8 bytes. The views are valid only during the call and are reused for the next entry.
 */
@FunctionalInterface
public interface EntryVisitor {
    void visit(ByteBuffer key, ByteBuffer value);
}
