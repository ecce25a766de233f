package org.jbpf.examples;

import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Histogram;
import org.jbpf.maps.Scratch;

/**
 * Latency of read(): the enter tracepoint stores a start time per thread, the exit tracepoint folds the elapsed
 * time into per-process {@link Stats} and into a log2 histogram of nanoseconds.
 */
@Bpf(license = "GPL")
public final class ReadLatency {
    @Scratch
    public static final HashMap<Integer, Long> start = new HashMap<>(Integer.class, Long.class, 10240);
    public static final HashMap<Integer, Stats> processStats = new HashMap<>(Integer.class, Stats.class, 1024);
    @Histogram(Histogram.Kind.LOG2)
    public static final ArrayMap<Long> histogram = new ArrayMap<>(Long.class, 64);

    @Section("tracepoint/syscalls/sys_enter_read")
    static long enterRead(TracepointContext ctx) {
        start.update(tid(), ktime());
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_read")
    static long exitRead(TracepointContext ctx) {
        int thread = tid();
        Long begin = start.lookup(thread);
        if (begin == null) {
            return 0;
        }
        long latency = ktime() - begin;
        start.delete(thread);

        int processId = pid();
        Stats stats = processStats.lookup(processId);
        if (stats != null) {
            stats.count = stats.count + 1;
            stats.totalTime += latency;
            if (latency > stats.maxTime) {
                stats.maxTime = latency;
            }
        } else {
            Stats fresh = new Stats();
            fresh.count = 1;
            fresh.totalTime = latency;
            fresh.maxTime = latency;
            processStats.update(processId, fresh);
        }

        int slot = log2(latency);
        Long bucket = histogram.lookup(slot);
        if (bucket != null) {
            histogram.update(slot, bucket + 1);
        }
        return 0;
    }

    /** Index of the highest set bit: a bounded loop the verifier can follow. */
    static int log2(long v) {
        int slot = 0;
        for (int i = 0; i < 63 && v > 1; i++) {
            v >>>= 1;
            slot++;
        }
        return slot;
    }
}
