package org.jbpf.metrics.probe;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.Histogram;
import org.jbpf.maps.Scratch;

/** Maps whose marks, not their names, say how they are exported. */
@Bpf(license = "GPL")
public final class MarkedMaps {
    @Histogram(Histogram.Kind.LOG2)
    public static final ArrayMap<Long> sizes = new ArrayMap<>(Long.class, 16);
    public static final ArrayMap<Long> histoneCounts = new ArrayMap<>(Long.class, 16);
    @Scratch
    public static final ArrayMap<Long> startTimes = new ArrayMap<>(Long.class, 16);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long touch(TracepointContext ctx) {
        Long a = sizes.lookup(0);
        if (a != null) sizes.update(0, a + 1);
        Long b = histoneCounts.lookup(0);
        if (b != null) histoneCounts.update(0, b + 1);
        Long c = startTimes.lookup(0);
        if (c != null) startTimes.update(0, c + 1);
        return 0;
    }
}
