package org.jbpf.maps;

import java.util.Objects;
import org.jbpf.InKernelOnly;

/**
 * Declaration of a key/value map in a probe class. The static final field holding it names the map. Its
 * {@code lookup}/{@code update}/{@code delete} methods are translated into BPF helper calls; in ordinary Java,
 * read the map through the runtime's {@code BPF.map(field)} instead.
 *
 * @param <K> key type: Integer, Long, Short, Byte or a {@code @Struct} class
 * @param <V> value type: Integer, Long, Short, Byte or a {@code @Struct} class
 */
public abstract class BpfMapDef<K, V> {
    /** {@code update} flags: create or replace, create only, replace only. */
    public static final long ANY = 0, NOEXIST = 1, EXIST = 2;

    private final BPFMapType type;
    private final Class<K> keyType;
    private final Class<V> valueType;
    private final int maxEntries;

    protected BpfMapDef(BPFMapType type, Class<K> keyType, Class<V> valueType, int maxEntries) {
        this.type = Objects.requireNonNull(type);
        this.keyType = Objects.requireNonNull(keyType, "key type");
        this.valueType = Objects.requireNonNull(valueType, "value type");
        if (maxEntries <= 0) throw new IllegalArgumentException("max entries must be positive: " + maxEntries);
        this.maxEntries = maxEntries;
    }

    public BPFMapType type() { return type; }
    public Class<K> keyType() { return keyType; }
    public Class<V> valueType() { return valueType; }
    public int maxEntries() { return maxEntries; }

    /**
     * The value stored under {@code key}, or null. A struct value is a live reference into the map: writing its
     * fields changes the map entry in place.
     */
    public V lookup(K key) { throw InKernelOnly.call("lookup"); }

    /** Creates or replaces the entry; returns 0 or a negative errno (e.g. -E2BIG when the map is full). */
    public long update(K key, V value) { throw InKernelOnly.call("update"); }

    /** As {@link #update(Object, Object)} with {@link #ANY}, {@link #NOEXIST} or {@link #EXIST}. */
    public long update(K key, V value, long flags) { throw InKernelOnly.call("update"); }

    /**
     * Adds one to the Long or Integer value under {@code key} in place, without an update call: an atomic add on the
     * looked-up value (a plain add on per-CPU maps), or, when the key is absent, an insert of 1 that another CPU may
     * win, after which the add is retried. Returns 0, or a negative errno when the entry could not be made (e.g.
     * -E2BIG when the map is full or an array index is out of range).
     */
    public long increment(K key) { throw InKernelOnly.call("increment"); }

    /** As {@link #increment(Object)}, adding {@code delta} (truncated to 32 bits for Integer values). */
    public long add(K key, long delta) { throw InKernelOnly.call("add"); }

    /** Removes the entry; returns 0 or a negative errno (-ENOENT when absent). */
    public long delete(K key) { throw InKernelOnly.call("delete"); }

    @Override public String toString() {
        return getClass().getSimpleName() + "<" + keyType.getSimpleName() + ", " + valueType.getSimpleName() + ">(" + maxEntries + ")";
    }
}
