package org.jbpf.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbpf.runtime.BpfMap;

/** The entries of a map at one moment: each key with one value per CPU (one value in all for maps that are not per-CPU). */
interface MapSource {
    record Entry(byte[] key, List<byte[]> values) {}

    List<Entry> read();

    /** Reads a kernel map with lookups only: nothing the exporter does writes to a map. */
    static MapSource of(BpfMap<byte[], byte[]> map) {
        return () -> {
            List<Entry> out = new ArrayList<>();
            if (map.isPerCpu()) for (Map.Entry<byte[], List<byte[]>> e : map.entriesPerCpu()) out.add(new Entry(e.getKey(), e.getValue()));
            else for (Map.Entry<byte[], byte[]> e : map.entries()) out.add(new Entry(e.getKey(), List.of(e.getValue())));
            return out;
        };
    }
}
