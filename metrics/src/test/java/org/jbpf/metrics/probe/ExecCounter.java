package org.jbpf.metrics.probe;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.uid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.Histogram;
import org.jbpf.maps.LruHashMap;
import org.jbpf.maps.PerCpuHashMap;
import org.jbpf.maps.RingBuffer;

/**
 * Counts execve() calls per user and command name; its other maps are filled by the tests to check histograms,
 * per-CPU values and maps that are not exported.
 */
@Bpf(license = "GPL")
public final class ExecCounter {
    public static final LruHashMap<ExecKey, Long> execCounts = new LruHashMap<>(ExecKey.class, Long.class, 1024);
    @Histogram(Histogram.Kind.LOG2)
    public static final ArrayMap<Long> latencyHist = new ArrayMap<>(Long.class, 16);
    public static final PerCpuHashMap<Integer, CallStats> callStats = new PerCpuHashMap<>(Integer.class, CallStats.class, 8);
    public static final RingBuffer events = new RingBuffer(1 << 12);

    @Section("tracepoint/syscalls/sys_enter_execve")
    static long countExec(TracepointContext ctx) {
        ExecKey key = new ExecKey();
        key.uid = uid();
        comm(key.comm);
        Long count = execCounts.lookup(key);
        if (count != null) execCounts.update(key, count + 1);
        else execCounts.update(key, 1L);
        return 0;
    }
}
