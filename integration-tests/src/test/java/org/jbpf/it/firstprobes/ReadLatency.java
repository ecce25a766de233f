package org.jbpf.it.firstprobes;

import static org.jbpf.Helpers.log2;
import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.tid;

import org.jbpf.Atomic;
import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Histogram;
import org.jbpf.maps.Scratch;

/** Latency of read() per process as a log2 histogram of microseconds. */
@Bpf(license = "GPL")
public final class ReadLatency {
    /** One process's reads: slot k counts reads of [2^k, 2^(k+1)) microseconds. */
    @Struct
    public static final class Micros {
        public long count;
        @Histogram @Size(32) public long[] buckets;
    }

    @Constant static int targetPid;
    @Scratch public static final HashMap<Integer, Long> started = new HashMap<>(Integer.class, Long.class, 1024);
    public static final HashMap<Integer, Micros> latency = new HashMap<>(Integer.class, Micros.class, 1024);

    @Section("tracepoint/syscalls/sys_enter_read")
    static int enter(TracepointContext ctx) {
        if (targetPid != 0 && pid() != targetPid) return 0;
        started.update(tid(), System.nanoTime());
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_read")
    static int exit(TracepointContext ctx) {
        Long start = started.lookup(tid());
        if (start == null) return 0;
        long micros = (System.nanoTime() - start) / 1000;
        started.delete(tid());
        int process = pid();
        Micros m = latency.lookup(process);
        if (m == null) {
            latency.update(process, new Micros());
            m = latency.lookup(process);
            if (m == null) return 0;
        }
        Atomic.increment(m, "count");
        Atomic.increment(m.buckets, Math.min(log2(micros), 31));
        return 0;
    }
}
