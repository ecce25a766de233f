package org.jbpf.loader;

import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;

/**
 * Map parameters the kernel refuses whatever else holds, checked before BPF_MAP_CREATE: a missing type, a negative
 * size, no room for an entry, and the key and value sizes each common map type fixes. The kernel's own answer
 * (EINVAL) names none of them; this says which parameter of which map, and what it must be. Types not listed here, and
 * limits that depend on the kernel (largest sizes), are left to the kernel.
 */
final class MapParameters {
    private MapParameters() {}

    /** What is wrong with {@code m}'s parameters, or null when the kernel may take them. */
    static String problem(MapSpec m) {
        String what = "map \"" + m.name() + "\" (" + MapTypes.name(m.type()) + ")";
        if (m.type() <= 0) return "map \"" + m.name() + "\" has no map type (type " + m.type() + "); declare it, e.g. __uint(type, BPF_MAP_TYPE_HASH)";
        if (m.keySize() < 0 || m.valueSize() < 0 || m.maxEntries() < 0)
            return what + " has a negative size (key " + m.keySize() + ", value " + m.valueSize() + ", max_entries " + m.maxEntries()
                    + "); the object is damaged: build it again";
        switch (m.type()) {
            case MapTypes.HASH, MapTypes.PERCPU_HASH, MapTypes.LRU_HASH, MapTypes.LRU_PERCPU_HASH:
                if (m.keySize() == 0) return what + " has a key of 0 bytes; a hash map needs a key";
                return valueAndEntries(what, m);
            case MapTypes.ARRAY, MapTypes.PERCPU_ARRAY:
                if (m.keySize() != 4) return what + " has a key of " + m.keySize() + " bytes; an array's key is its 4-byte index";
                return valueAndEntries(what, m);
            case MapTypes.PERF_EVENT_ARRAY:
                if (m.keySize() != 4 || m.valueSize() != 4)
                    return what + " has a key of " + m.keySize() + " and a value of " + m.valueSize() + " bytes; a perf event array's are 4 and 4";
                return null;
            case MapTypes.QUEUE, MapTypes.STACK:
                if (m.keySize() != 0) return what + " has a key of " + m.keySize() + " bytes; a queue or stack has no key (0)";
                return valueAndEntries(what, m);
            case MapTypes.RINGBUF:
                if (m.keySize() != 0 || m.valueSize() != 0)
                    return what + " has a key of " + m.keySize() + " and a value of " + m.valueSize() + " bytes; a ring buffer has neither (0 and 0)";
                if (m.maxEntries() < 4096 || Integer.bitCount(m.maxEntries()) != 1)
                    return what + " has max_entries " + m.maxEntries() + "; a ring buffer's size in bytes is a power of 2 and a multiple of "
                            + "the page size, e.g. 262144";
                return null;
            default:
                return null;
        }
    }

    private static String valueAndEntries(String what, MapSpec m) {
        if (m.valueSize() == 0) return what + " has a value of 0 bytes; give its value a type or a size";
        if (m.maxEntries() == 0) return what + " has max_entries 0; it needs room for at least one entry";
        return null;
    }
}
