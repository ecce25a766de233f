package org.jbpf.core.obj;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counter map of new keys that full maps refused, which the translator adds to every object that declares a map
 * refusing inserts once full (a hash or per-CPU hash map, an LPM trie): a per-CPU array named {@value #MAP_NAME} with
 * one u64 slot per such map, in the order the object lists them. A probe adds one to a map's slot whenever an insert
 * fails because the map is full ({@code -E2BIG} from a hash map, {@code -ENOSPC} from an LPM trie), which the kernel
 * counts nowhere. So Java can say a map lost keys exactly when it did, not when a walk merely finds it at its size. The
 * translator and the runtime agree on the name and slots through this class only.
 */
public final class MapInsertDrops {
    private MapInsertDrops() {}

    /** A valid C identifier (it is a BTF variable name) that fits the kernel's 15-character map names. */
    public static final String MAP_NAME = "jbpf_map_drops";
    public static final int KEY_SIZE = 4, VALUE_SIZE = 8;
    /** What the kernel's update helper returns for a new key of a full map: -E2BIG (hash maps), -ENOSPC (LPM tries). */
    public static final int E2BIG = 7, ENOSPC = 28;

    /** Whether a map of this type refuses new keys once it holds max_entries (LRU maps evict, arrays never insert). */
    public static boolean refusesWhenFull(int mapType) {
        return mapType == MapTypes.HASH || mapType == MapTypes.PERCPU_HASH || mapType == MapTypes.LPM_TRIE;
    }

    /** The errno a full map of this type refuses a new key with. */
    public static int fullErrno(int mapType) { return mapType == MapTypes.LPM_TRIE ? ENOSPC : E2BIG; }

    /** Each counted map's slot, by map name, in the order of {@code maps}. */
    public static Map<String, Integer> slots(List<MapSpec> maps) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (MapSpec m : maps) if (refusesWhenFull(m.type()) && !m.internal()) slots.put(m.name(), slots.size());
        return slots;
    }

    /** The counter map for an object with {@code maps} counted maps (at least one). */
    public static MapSpec spec(int maps, int btfKeyType, int btfValueType) {
        return new MapSpec(MAP_NAME, MapTypes.PERCPU_ARRAY, KEY_SIZE, VALUE_SIZE, maps, 0, btfKeyType, btfValueType);
    }
}
