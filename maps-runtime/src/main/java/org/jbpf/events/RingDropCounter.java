package org.jbpf.events;

import java.util.List;
import java.util.Map;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.RingBufferDrops;
import org.jbpf.loader.LoadedMap;
import org.jbpf.loader.LoadedObject;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.Codecs;

/**
 * What a probe counted of the records one ring buffer refused: its slot of the per-CPU counters the translator adds
 * to objects with ring buffers ({@link RingBufferDrops}), summed over CPUs on each read.
 */
final class RingDropCounter {
    private final BpfMap<Integer, Long> counters;
    private final int slot;

    private RingDropCounter(BpfMap<Integer, Long> counters, int slot) {
        this.counters = counters;
        this.slot = slot;
    }

    /** The counter of {@code ring} in {@code object}, or null when the object does not count its drops (e.g. built by clang). */
    static RingDropCounter find(LoadedObject object, LoadedMap ring) {
        if (object.map(ring.name()) != ring) return null;
        LoadedMap map = object.map(RingBufferDrops.MAP_NAME);
        if (map == null || map.spec().type() != MapTypes.PERCPU_ARRAY || map.spec().keySize() != RingBufferDrops.KEY_SIZE
                || map.spec().valueSize() != RingBufferDrops.VALUE_SIZE) return null;
        Map<String, Integer> slots = RingBufferDrops.slots(object.object().maps());
        Integer slot = slots.get(ring.name());
        if (slot == null || slot >= map.spec().maxEntries()) return null;
        return new RingDropCounter(BpfMap.of(map, Codecs.of(Integer.class), Codecs.of(Long.class), false), slot);
    }

    /** Records the ring refused so far, over all CPUs. */
    long count() {
        List<Long> perCpu = counters.getPerCpu(slot);
        long n = 0;
        if (perCpu != null) for (Long v : perCpu) n += v;
        return n;
    }
}
