package org.jbpf.runtime;

import java.nio.ByteBuffer;

/**
 * A reader generated for one {@code @Struct} class ({@link StructReaders}): the struct at an index of a little-endian
 * buffer, into a new object or into one it refills. The event readers call it directly from their per-reader copies,
 * so each call site sees one struct type and the JIT inlines the whole decode; through {@link Codec#readAt} the call
 * of the reader is shared by every struct type of the application and stops being inlined from the third type on.
 * Public so that readers in the structs' packages can implement it; not for use outside jbpf.
 */
public interface StructReader<T> {
    /** The struct at index {@code offset}; throws {@link IndexOutOfBoundsException} when it runs past the limit. */
    T read(ByteBuffer in, int offset);

    /**
     * Sets every field of {@code target} from the struct at {@code offset}; a byte or number array field keeps its
     * array when it has the right length, a nested struct field its object. Only where {@link #refills}.
     */
    void readInto(T target, ByteBuffer in, int offset);

    /** False for records, whose fields are final: {@link #read} makes a new one each time. */
    boolean refills();

    /** The generated reader behind {@code codec}, or null when it has none (not a {@code @Struct}, or the JVM allows none). */
    static <T> StructReader<T> of(Codec<T> codec) {
        return codec instanceof StructCodec ? ((StructCodec<T>) codec).reader() : null;
    }
}
