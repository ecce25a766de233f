package org.jbpf.runtime;

import org.jbpf.core.obj.MapInsertDrops;

/**
 * How full a map was at one walk: the entries the walk found against the map's max_entries. Only maps that refuse new
 * keys once full can lose data this way: hash and per-CPU hash maps and LPM tries. LRU maps evict instead, and an
 * array's entries always exist, so neither is ever {@link #isFull() full}.
 */
public final class MapFill {
    private final int type;
    private final int entries;
    private final int maxEntries;

    MapFill(int type, int entries, int maxEntries) {
        this.type = type;
        this.entries = entries;
        this.maxEntries = maxEntries;
    }

    /** Whether a map of this type refuses new keys once it holds max_entries (in the kernel: -E2BIG or -ENOSPC). */
    public static boolean refusesWhenFull(int mapType) {
        return MapInsertDrops.refusesWhenFull(mapType);
    }

    /** Entries the walk found; for an array map, max_entries (every index exists). */
    public int entries() { return entries; }

    public int maxEntries() { return maxEntries; }

    /** {@link #entries} over {@link #maxEntries}, from 0 to 1. */
    public double ratio() { return maxEntries == 0 ? 0 : (double) entries / maxEntries; }

    /** True when the map refuses new keys: a program's update of a key not in it fails, and that key's data is lost. */
    public boolean isFull() { return refusesWhenFull(type) && entries >= maxEntries; }

    @Override public String toString() { return entries + " of " + maxEntries + " entries" + (isFull() ? " (full)" : ""); }
}
