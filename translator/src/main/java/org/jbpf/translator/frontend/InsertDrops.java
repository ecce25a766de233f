package org.jbpf.translator.frontend;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jbpf.core.obj.MapInsertDrops;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.translator.TranslationException;

/**
 * The per-CPU counters of new keys the probe's full maps refused ({@link MapInsertDrops}): the map the translator adds
 * to an object with hash maps or LPM tries, and each such map's slot in it. The lowering of {@code update},
 * {@code increment} and {@code add} adds one to the map's slot when the kernel refuses an insert because the map is full.
 *
 * @param counters the counter map, declared like a probe's own map
 * @param slots    each counted map's slot, by map name
 */
public record InsertDrops(MapDecl counters, Map<String, Integer> slots) {

    /** The counters for {@code probe}'s maps that refuse inserts once full, or null when it declares none. */
    public static InsertDrops of(ProbeClass probe) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (MapDecl m : probe.maps.values()) {
            if (m.name().equals(MapInsertDrops.MAP_NAME))
                throw new TranslationException(probe.file, -1, "map field " + m.name()
                        + " has the name jbpf gives the counters of keys full maps refused; rename the field");
            if (MapInsertDrops.refusesWhenFull(m.mapType())) slots.put(m.name(), slots.size());
        }
        if (slots.isEmpty()) return null;
        MapDecl counters = new MapDecl(MapInsertDrops.MAP_NAME, "org/jbpf/maps/PerCpuArray", MapTypes.PERCPU_ARRAY,
                ValueType.INT, ValueType.LONG, slots.size());
        return new InsertDrops(counters, Map.copyOf(slots));
    }

    /** The slot of {@code map}, or -1 when its inserts are not counted. */
    public int slot(MapDecl map) { return slots.getOrDefault(map.name(), -1); }
}
