package org.jbpf.examples;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.LruHashMap;

/** Samples every 100th getpid() call of each process; the per-process counters live in an LRU map. */
@Bpf(license = "GPL")
public final class EventSampler {
    static final int EVERY = 100;

    public static final LruHashMap<Integer, Long> counter = new LruHashMap<>(Integer.class, Long.class, 1024);
    public static final HashMap<Integer, Long> sampled = new HashMap<>(Integer.class, Long.class, 1024);

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long sample(TracepointContext ctx) {
        int key = pid();
        Long count = counter.lookup(key);
        long next = count != null ? count + 1 : 1;
        counter.update(key, next);
        if (next % EVERY == 0) {
            Long s = sampled.lookup(key);
            sampled.update(key, s != null ? s + 1 : 1L);
        }
        return 0;
    }
}
