package org.jbpf.it.counters;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;

/** Inserts with NOEXIST and an increment of a new key into a 4-entry hash map the test has filled, and keeps what the kernel answered. */
@Bpf(license = "GPL")
public final class FullInserts {
    public static final ArrayMap<Integer> watchPid = new ArrayMap<>(Integer.class, 1);
    public static final HashMap<Integer, Long> small = new HashMap<>(Integer.class, Long.class, 4);
    /** What the kernel answered: update(.., NOEXIST) [0] for key 0, present; [1] for key 100, new; [2] increment(200), new. */
    public static final ArrayMap<Long> results = new ArrayMap<>(Long.class, 3);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long insert(TracepointContext ctx) {
        Integer want = watchPid.lookup(0);
        if (want == null || want != Helpers.pid()) return 0;
        long present = small.update(0, 5L, HashMap.NOEXIST);
        long fresh = small.update(100, 5L, HashMap.NOEXIST);
        long counted = small.increment(200);
        results.update(0, present);
        results.update(1, fresh);
        results.update(2, counted);
        return 0;
    }
}
