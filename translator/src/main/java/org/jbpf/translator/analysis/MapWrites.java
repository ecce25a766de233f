package org.jbpf.translator.analysis;

import org.jbpf.translator.frontend.MapDecl;

/**
 * Which values looked up in a map a write of it changes, by how the kernel keeps each map kind's elements. An array
 * map (per-CPU or not) writes the element of the key in place, so a value looked up under another key stays as it
 * was. A hash map (per-CPU or not) writes the element of the key in place or puts a new element in its stead, taken
 * from the elements it has free, so another key's value stays unless a delete since may have freed that element. An
 * LRU map may take any element, the least recently used, for a write of any key, and the other kinds are not known
 * to keep theirs: a write of them changes every value looked up.
 */
final class MapWrites {
    private MapWrites() {}

    private static final int HASH = 1, ARRAY = 2, PERCPU_HASH = 5, PERCPU_ARRAY = 6;

    /** The key a map call is given, when it is known at translation: a literal, boxed or not. */
    static Long keyConstant(Value key) {
        if (key instanceof Value.Boxed b) return b.constant();
        if (key instanceof Value.Scalar s) return s.constant();
        return null;
    }

    /**
     * How a write of {@code map} by {@code call} at instruction i of {@code a}, under {@code key} (null: not known) boxed
     * from local {@code keyLocal} (or KeyLocals.NONE), leaves the value looked up as {@code l} (null: not known), with the
     * differences {@code known} on the way and the constants {@code keyFields} known in a @Struct key's fields: null when
     * unchanged, else the replacement to name.
     */
    static HeldFields.Replaced staleAs(MethodAnalysis a, int i, String call, MapDecl map, Long key, int keyLocal, HeldFields.Looked l,
                                       HeldFields known, java.util.Map<String, Long> keyFields) {
        int type = map.mapType();
        boolean array = type == ARRAY || type == PERCPU_ARRAY, hash = type == HASH || type == PERCPU_HASH;
        // different constants, or locals (or a local and a constant) the program found unequal on the way here
        boolean otherKey = l != null && (known.differ(a, keyLocal, key, l.owner() == a ? l.keyLocal() : KeyLocals.NONE, l.key())
                // or @Struct keys with a field holding different constants (KeyFields)
                || KeyFields.differ(l.keyFields(), keyFields));
        String what = "the value of " + map.name();
        if (otherKey && (array || hash && !l.unlinked())) return null;
        if (otherKey && hash)
            return new HeldFields.Replaced(a, i, what, "value", "a delete since freed its element, which the map may give to the key "
                    + call + " writes", "delete its key after its last use");
        return new HeldFields.Replaced(a, i, what, "value", "the map holds its values in place", "look the value up again after " + call
                + (array || hash ? "" : " (this map may give the element of any key, such as the least recently used, to a write of another)"));
    }
}
