package org.jbpf.runtime;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One thread's native buffers for the single-entry operations on one map: a key, a next key and a value (one slot
 * per possible CPU for per-CPU maps). Codecs write and read them through little-endian direct views, so an operation
 * copies nothing between Java and native memory and allocates no native memory; the buffers are released when the
 * thread or the map view is gone.
 */
final class MapBuffers {
    final Memory key, nextKey, value;
    private final ByteBuffer keyView, nextKeyView, valueView;

    MapBuffers(int keySize, int valueBytes) {
        key = new Memory(Math.max(keySize, 1));
        nextKey = new Memory(Math.max(keySize, 1));
        value = new Memory(Math.max(valueBytes, 1));
        keyView = view(key, keySize);
        nextKeyView = view(nextKey, keySize);
        valueView = view(value, valueBytes);
    }

    private static ByteBuffer view(Memory m, int size) { return m.getByteBuffer(0, size).order(ByteOrder.LITTLE_ENDIAN); }

    /** The key view, position 0, for a codec to write. */
    ByteBuffer key() { return keyView.clear(); }

    /** The next-key view, position 0. */
    ByteBuffer nextKey() { return nextKeyView.clear(); }

    /** The value view, position 0. */
    ByteBuffer value() { return valueView.clear(); }

    /** Copies the next key into the key buffer, so the walk can ask for the key after it. */
    void advance() { key().put(nextKey()); }
}
