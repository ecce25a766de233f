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

    /**
     * Reads the value at index {@code offset} into {@code reuse} where the codec can refill an object (a
     * {@code @Struct} with a generated reader sets every field, keeping byte arrays of the right length) and returns
     * it; otherwise, or when {@code reuse} is null, returns a new value. The buffer's position is left alone.
     */
    default T readAt(ByteBuffer in, int offset, T reuse) { return readAt(in, offset); }

    /** Reads the value at index {@code offset} of {@code in}, leaving the buffer's position alone. */
    default T readAt(ByteBuffer in, int offset) {
        ByteBuffer view = in.duplicate().order(in.order());
        view.position(offset);
        return read(view);
    }

    /** Name of the Java type for error messages, e.g. "Long" or "struct Event". */
    String describe();
}
