package org.jbpf.sim.maps;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;

/**
 * An in-memory BPF map with the kernel's update semantics. Hash-like maps keep entries by key (LRU maps evict
 * the least recently used entry when full; longest-prefix-match maps find the longest prefix that contains a key,
 * {@link LpmKeys}); array-like maps are preallocated and zeroed. Per-CPU maps are
 * simulated with a single CPU. Ring buffers and perf event arrays hold the records programs emit;
 * stack trace maps hold the stacks {@code get_stackid} stored.
 */
public final class SimMap {
    public static final int ANY = 0, NOEXIST = 1, EXIST = 2;
    static final int ENOENT = -2, E2BIG = -7, EEXIST = -17, EINVAL = -22, ENOSPC = -28;

    private final MapSpec spec;
    private final Map<Key, byte[]> entries;
    private final List<byte[]> records = new ArrayList<>();

    private record Key(byte[] bytes) {
        @Override public boolean equals(Object o) { return o instanceof Key k && Arrays.equals(bytes, k.bytes); }
        @Override public int hashCode() { return Arrays.hashCode(bytes); }
    }

    public SimMap(MapSpec spec) {
        this.spec = spec;
        boolean lru = spec.type() == MapTypes.LRU_HASH || spec.type() == MapTypes.LRU_PERCPU_HASH;
        this.entries = new LinkedHashMap<>(16, 0.75f, lru);
        if (isArray()) for (int i = 0; i < spec.maxEntries(); i++) entries.put(new Key(u32(i)), new byte[spec.valueSize()]);
    }

    public MapSpec spec() { return spec; }
    public String name() { return spec.name(); }

    public boolean isArray() { return spec.type() == MapTypes.ARRAY || spec.type() == MapTypes.PERCPU_ARRAY; }
    public boolean isEventMap() { return spec.type() == MapTypes.RINGBUF || spec.type() == MapTypes.PERF_EVENT_ARRAY; }

    /** The live value storage for {@code key} (programs write through it), or null. */
    public byte[] lookup(byte[] key) {
        checkKey(key);
        if (isLpm()) {
            if (Integer.compareUnsigned(LpmKeys.prefixLength(key), LpmKeys.maxPrefixLength(key)) > 0) return null;
            Key best = null;
            for (Key k : entries.keySet())
                if (LpmKeys.contains(k.bytes, key) && (best == null || LpmKeys.prefixLength(k.bytes) > LpmKeys.prefixLength(best.bytes))) best = k;
            return best == null ? null : entries.get(best);
        }
        return entries.get(new Key(key.clone()));
    }

    private boolean isLpm() { return spec.type() == MapTypes.LPM_TRIE; }

    /** The stored key of the longest-prefix-match entry with the same prefix as {@code key}, or null. */
    private Key samePrefix(byte[] key) {
        for (Key k : entries.keySet()) if (LpmKeys.samePrefix(k.bytes, key)) return k;
        return null;
    }

    /** Returns 0 or a negative errno, as {@code bpf_map_update_elem} does. */
    public int update(byte[] key, byte[] value, long flags) {
        checkKey(key);
        if (value.length != spec.valueSize())
            throw new IllegalArgumentException("map " + name() + ": value must be " + spec.valueSize() + " bytes, got " + value.length);
        Key k = new Key(key.clone());
        if (flags > EXIST) return EINVAL;
        if (isLpm()) {
            // one entry per prefix, holding the key of its last update, as the kernel replaces the trie's node
            if (Integer.compareUnsigned(LpmKeys.prefixLength(key), LpmKeys.maxPrefixLength(key)) > 0) return EINVAL;
            Key same = samePrefix(key);
            if (flags == NOEXIST && same != null) return EEXIST;
            if (flags == EXIST && same == null) return ENOENT;
            if (same == null && entries.size() >= spec.maxEntries()) return ENOSPC;
            if (same != null) entries.remove(same);
            entries.put(k, value.clone());
            return 0;
        }
        byte[] existing = entries.get(k);
        if (isArray()) {
            if (existing == null) return E2BIG;
            if (flags == NOEXIST) return EEXIST;
            System.arraycopy(value, 0, existing, 0, value.length);
            return 0;
        }
        if (flags == NOEXIST && existing != null) return EEXIST;
        if (flags == EXIST && existing == null) return ENOENT;
        if (existing != null) { System.arraycopy(value, 0, existing, 0, value.length); return 0; }
        if (entries.size() >= spec.maxEntries()) {
            if (!(spec.type() == MapTypes.LRU_HASH || spec.type() == MapTypes.LRU_PERCPU_HASH)) return E2BIG;
            Key eldest = entries.keySet().iterator().next();
            entries.remove(eldest);
        }
        entries.put(k, value.clone());
        return 0;
    }

    public int delete(byte[] key) {
        checkKey(key);
        if (isArray()) return EINVAL;
        if (isLpm()) {
            if (Integer.compareUnsigned(LpmKeys.prefixLength(key), LpmKeys.maxPrefixLength(key)) > 0) return EINVAL;
            Key same = samePrefix(key);
            if (same == null) return ENOENT;
            entries.remove(same);
            return 0;
        }
        return entries.remove(new Key(key.clone())) == null ? ENOENT : 0;
    }

    /** Entries in insertion (or, for LRU maps, use) order; keys and values are copies. */
    public Map<byte[], byte[]> entries() {
        Map<byte[], byte[]> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> out.put(k.bytes.clone(), v.clone()));
        return Collections.unmodifiableMap(out);
    }

    public int size() { return entries.size(); }

    /** Records emitted into a ring buffer or perf event array, oldest first. */
    public List<byte[]> records() { return Collections.unmodifiableList(records); }

    public void addRecord(byte[] record) { records.add(record.clone()); }

    public void clearRecords() { records.clear(); }

    // ---- conveniences for tests -------------------------------------------------------------------

    public byte[] lookup(int key) { return lookup(u32(key)); }

    /** The value's first 8 bytes as a little-endian long, or null when the key is absent. */
    public Long getLong(byte[] key) {
        byte[] v = lookup(key);
        return v == null ? null : ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    public Long getLong(int key) { return getLong(u32(key)); }

    public int putLong(byte[] key, long value) {
        byte[] v = new byte[spec.valueSize()];
        ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
        return update(key, v, ANY);
    }

    public static byte[] u32(int v) { return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array(); }
    public static byte[] u64(long v) { return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array(); }

    private void checkKey(byte[] key) {
        if (isEventMap()) throw new IllegalArgumentException("map " + name() + " (" + MapTypes.name(spec.type()) + ") has no keys");
        if (key.length != spec.keySize())
            throw new IllegalArgumentException("map " + name() + ": key must be " + spec.keySize() + " bytes, got " + key.length);
    }
}
