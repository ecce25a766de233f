package org.jbpf.it.semantics;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * What a probe's maps of {@code @Struct} values and its atomic adds mean, as plain Java for the reference copy of a
 * random probe with state ({@link RandomState}): a lookup hands out the stored value itself (a pointer into the map,
 * so field stores change the entry), an update stores a copy and returns 0 or the kernel's negative errno, and an
 * atomic add to an array element out of range adds nothing.
 */
public final class StateModels {
    /** The kernel's errno values the map operations return, negated. */
    public static final long ENOENT = -2, E2BIG = -7;

    private StateModels() {}

    /** A hash map from Integer keys to struct values with room for every key a random probe makes. */
    public static final class Hash<V> {
        private final Map<Integer, V> entries = new HashMap<>();
        private final Supplier<V> zero;
        private final BiConsumer<V, V> assign;

        /** {@code assign.accept(to, from)} copies every field of {@code from} into {@code to}. */
        public Hash(Supplier<V> zero, BiConsumer<V, V> assign) {
            this.zero = zero;
            this.assign = assign;
        }

        public V lookup(Integer key) { return entries.get(key); }

        /** A new element holds the copy: a pointer looked up before still sees the old value, as in the kernel. */
        public long update(Integer key, V value) {
            V copy = zero.get();
            assign.accept(copy, value);
            entries.put(key, copy);
            return 0;
        }

        public long delete(Integer key) { return entries.remove(key) != null ? 0 : ENOENT; }

        /** The entries, for a comparison with the kernel's map after the runs. */
        public Map<Integer, V> entries() { return entries; }
    }

    /** An array map (or one CPU's view of a per-CPU array map) of struct values, every index present and zeroed. */
    public static final class Array<V> {
        private final Object[] entries;
        private final BiConsumer<V, V> assign;

        public Array(int length, Supplier<V> zero, BiConsumer<V, V> assign) {
            entries = new Object[length];
            for (int i = 0; i < length; i++) entries[i] = zero.get();
            this.assign = assign;
        }

        @SuppressWarnings("unchecked")
        public V lookup(Integer key) { return key >= 0 && key < entries.length ? (V) entries[key] : null; }

        public long update(Integer key, V value) {
            if (key < 0 || key >= entries.length) return E2BIG;
            assign.accept(lookup(key), value);   // in place: a pointer looked up before sees the new value
            return 0;
        }
    }

    /** An array map (or one CPU's view of a per-CPU array map) of Long values with in-place counters. */
    public static final class Longs {
        private final long[] entries;

        public Longs(int length) { entries = new long[length]; }

        public Long lookup(Integer key) { return key >= 0 && key < entries.length ? entries[key] : null; }

        public long update(Integer key, Long value) {
            if (key < 0 || key >= entries.length) return E2BIG;
            entries[key] = value;
            return 0;
        }

        public long increment(Integer key) { return add(key, 1); }

        /** The values by index, for a comparison with the kernel's map after the runs. */
        public long[] values() { return entries.clone(); }

        public long add(Integer key, long delta) {
            if (key < 0 || key >= entries.length) return E2BIG;
            entries[key] += delta;
            return 0;
        }
    }

    /** {@code Atomic.add(array, index, delta)} on a long[] field. */
    public static void add(long[] a, int i, long delta) { if (i >= 0 && i < a.length) a[i] += delta; }

    /** {@code Atomic.add(array, index, delta)} on an int[] field: a 32-bit add of the delta's low half. */
    public static void add(int[] a, int i, long delta) { if (i >= 0 && i < a.length) a[i] += (int) delta; }
}
