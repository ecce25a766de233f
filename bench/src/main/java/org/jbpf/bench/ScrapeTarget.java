package org.jbpf.bench;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.examples.Stats;
import org.jbpf.maps.HashMap;

/** Two 10,000-entry maps for the metrics scrape benchmark, filled from userspace; the program is never attached. */
@Bpf(license = "GPL")
public final class ScrapeTarget {
    public static final HashMap<Integer, Long> counts = new HashMap<>(Integer.class, Long.class, 10_000);
    public static final HashMap<Integer, Stats> stats = new HashMap<>(Integer.class, Stats.class, 10_000);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long touch(TracepointContext ctx) {
        counts.lookup(pid());
        return 0;
    }
}
