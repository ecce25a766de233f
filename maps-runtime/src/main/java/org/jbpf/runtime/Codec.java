package org.jbpf.runtime;

import java.nio.ByteBuffer;

/**
 * Converts map keys or values between Java objects and the bytes the kernel stores, little-endian.
 * {@link #write} and {@link #read} work at the buffer's position and advance it by {@link #size()}.
 */
public interface Codec<T> {
    /** Encoded size in bytes. */
    int size();

    void write(T value, ByteBuffer out);

    T read(ByteBuffer in);

    /** Name of the Java type for error messages, e.g. "Long" or "struct Event". */
    String describe();
}
