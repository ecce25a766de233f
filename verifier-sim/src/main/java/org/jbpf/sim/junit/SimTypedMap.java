package org.jbpf.sim.junit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jbpf.runtime.Codec;
import org.jbpf.sim.maps.SimMap;

/** A simulated map with the probe's key and value types, encoded by the runtime's codecs. */
public final class SimTypedMap<K, V> {
    private final SimMap map;
    private final Codec<K> keys;
    private final Codec<V> values;

    SimTypedMap(SimMap map, Codec<K> keys, Codec<V> values) {
        this.map = map;
        this.keys = keys;
        this.values = values;
    }

    /** The byte-level map underneath. */
    public SimMap raw() { return map; }

    /** The value under {@code key}, or null when there is none. */
    public V get(K key) {
        byte[] v = map.lookup(encode(keys, key));
        return v == null ? null : decode(values, v);
    }

    /** Creates or replaces the entry, as a program's update with flags ANY would. */
    public void put(K key, V value) {
        int err = map.update(encode(keys, key), encode(values, value), SimMap.ANY);
        if (err != 0) throw new IllegalStateException("map " + map.name() + ": update of " + key + " failed with errno " + -err);
    }

    /** Removes the entry; false when there was none. */
    public boolean remove(K key) { return map.delete(encode(keys, key)) == 0; }

    /** The entries, decoded, in insertion (LRU: use) order. */
    public Map<K, V> entries() {
        Map<K, V> out = new LinkedHashMap<>();
        map.entries().forEach((k, v) -> out.put(decode(keys, k), decode(values, v)));
        return Collections.unmodifiableMap(out);
    }

    public int size() { return map.size(); }

    private static <T> byte[] encode(Codec<T> codec, T value) {
        ByteBuffer b = ByteBuffer.allocate(codec.size()).order(ByteOrder.LITTLE_ENDIAN);
        codec.write(value, b);
        return b.array();
    }

    private static <T> T decode(Codec<T> codec, byte[] bytes) {
        return codec.read(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    }
}
