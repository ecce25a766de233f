package org.jbpf.examples;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/**
 * read() calls and the bytes they return, per process, counted in place: {@code increment} and {@code add} add to
 * the map value atomically (the first event of a process inserts it), so no event pays an update call and none is
 * lost when two CPUs count the same process at once.
 */
@Bpf(license = "GPL")
public final class ReadBytes {
    public static final HashMap<Integer, Long> reads = new HashMap<>(Integer.class, Long.class, 4096);
    public static final HashMap<Integer, Long> bytes = new HashMap<>(Integer.class, Long.class, 4096);

    @Section("tracepoint/syscalls/sys_exit_read")
    static long exitRead(TracepointContext ctx) {
        long n = ctx.ret();
        if (n < 0) {
            return 0;
        }
        int processId = pid();
        reads.increment(processId);
        bytes.add(processId, n);
        return 0;
    }
}
