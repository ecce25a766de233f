package org.jbpf.runtime;

import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.Errno;

/** An insert into a map that already holds max_entries entries. */
public class MapFullException extends BpfException {
    private final String map;
    private final int maxEntries;

    public MapFullException(String map, int maxEntries) {
        super("BPF_MAP_UPDATE_ELEM of map \"" + map + "\"", Errno.E2BIG, "the map is full (max_entries " + maxEntries
                + "); declare it with a bigger max_entries, or as an LruHashMap to evict the least recently used entry");
        this.map = map;
        this.maxEntries = maxEntries;
    }

    public String map() { return map; }
    public int maxEntries() { return maxEntries; }
}
