package org.jbpf.cli.probes;

import static org.jbpf.Helpers.ktime;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.LruHashMap;

/**
 * Inserts a new key for every read() on the machine into a 64-entry hash map, which fills within moments, and the
 * same into an LRU map of the same size, which evicts instead. {@code refused}: [0] the inserts the hash map took,
 * [1] the ones it refused, as the probe saw them.
 */
@Bpf(license = "GPL")
public final class KeyFlood {
    public static final HashMap<Long, Long> stamps = new HashMap<>(Long.class, Long.class, 64);
    public static final LruHashMap<Long, Long> recent = new LruHashMap<>(Long.class, Long.class, 64);
    public static final ArrayMap<Long> refused = new ArrayMap<>(Long.class, 2);

    @Section("tracepoint/syscalls/sys_enter_read")
    static long onRead(TracepointContext ctx) {
        long now = ktime();
        refused.increment(stamps.update(now, 1L) == 0 ? 0 : 1);
        recent.update(now, 1L);
        return 0;
    }
}
