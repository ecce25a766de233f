package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.Helpers;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Histogram;
import org.jbpf.maps.Scratch;

/** The seed guide's latency pattern: the start time kept per thread at entry, a log2 histogram filled at exit. */
@Bpf(license = "GPL")
public final class Latency {
    @Scratch public static final HashMap<Integer, Long> start = new HashMap<>(Integer.class, Long.class, 1024);
    @Histogram(Histogram.Kind.LOG2) public static final ArrayMap<Long> latency = new ArrayMap<>(Long.class, 64);
    static long unmatched;

    @Section("tracepoint/syscalls/sys_enter_getsid")
    static int enter(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-")) return 0;
        start.update(tid(), ktime());
        return 0;
    }

    @Section("tracepoint/syscalls/sys_exit_getsid")
    static int exit(TracepointContext ctx) {
        int key = tid();
        Long startTime = start.lookup(key);
        if (startTime == null) return 0;
        long took = ktime() - startTime;
        start.delete(key);
        if (took < 0) {
            unmatched++;
            return 0;
        }
        latency.increment(Helpers.log2(took));
        return 0;
    }
}
