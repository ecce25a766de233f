package org.jbpf.core.obj;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counter map of records that ring buffers refused, which the translator adds to every object that declares a ring
 * buffer: a per-CPU array named {@value #MAP_NAME} with one u64 slot per ring buffer, in the order the object lists
 * its ring buffers. A probe adds one to a ring's slot whenever {@code output} or {@code reserve} fails (the ring is
 * full), so a reader can report records received plus records dropped, which the kernel does not count for ring
 * buffers. The translator and the readers agree on the name and slots through this class only.
 */
public final class RingBufferDrops {
    private RingBufferDrops() {}

    /** A valid C identifier (it is a BTF variable name) that fits the kernel's 15-character map names. */
    public static final String MAP_NAME = "jbpf_rb_drops";
    public static final int KEY_SIZE = 4, VALUE_SIZE = 8;

    /** Each ring buffer's slot, by map name, in the order of {@code maps}. */
    public static Map<String, Integer> slots(List<MapSpec> maps) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (MapSpec m : maps) if (m.type() == MapTypes.RINGBUF) slots.put(m.name(), slots.size());
        return slots;
    }

    /** The counter map for an object with {@code rings} ring buffers (at least one). */
    public static MapSpec spec(int rings, int btfKeyType, int btfValueType) {
        return new MapSpec(MAP_NAME, MapTypes.PERCPU_ARRAY, KEY_SIZE, VALUE_SIZE, rings, 0, btfKeyType, btfValueType);
    }
}
