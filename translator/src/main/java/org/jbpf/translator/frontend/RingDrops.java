package org.jbpf.translator.frontend;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.RingBufferDrops;
import org.jbpf.translator.TranslationException;

/**
 * The per-CPU counters of records the probe's ring buffers refused ({@link RingBufferDrops}): the map the translator
 * adds to an object with ring buffers, and each ring's slot in it. The lowering of {@code output} and {@code reserve}
 * adds one to the ring's slot when the call fails.
 *
 * @param counters the counter map, declared like a probe's own map
 * @param slots    each ring buffer's slot, by map name
 */
public record RingDrops(MapDecl counters, Map<String, Integer> slots) {

    /** The counters for {@code probe}'s ring buffers, or null when it declares none. */
    public static RingDrops of(ProbeClass probe) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (MapDecl m : probe.maps.values()) {
            if (m.name().equals(RingBufferDrops.MAP_NAME))
                throw new TranslationException(probe.file, -1, "map field " + m.name()
                        + " has the name jbpf gives the counters of records ring buffers dropped; rename the field");
            if (m.mapType() == MapTypes.RINGBUF) slots.put(m.name(), slots.size());
        }
        if (slots.isEmpty()) return null;
        MapDecl counters = new MapDecl(RingBufferDrops.MAP_NAME, "org/jbpf/maps/PerCpuArray", MapTypes.PERCPU_ARRAY,
                ValueType.INT, ValueType.LONG, slots.size());
        return new RingDrops(counters, Map.copyOf(slots));
    }

    /** The slot of ring buffer {@code ring}. */
    public int slot(MapDecl ring) { return slots.get(ring.name()); }
}
