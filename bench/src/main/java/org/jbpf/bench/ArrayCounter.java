package org.jbpf.bench;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

/** One global getpid() counter in an array map, counted in place (code-size bench). */
@Bpf(license = "GPL")
public final class ArrayCounter {
    public static final ArrayMap<Long> calls = new ArrayMap<>(Long.class, 1);

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long countCalls(TracepointContext ctx) {
        calls.increment(0);
        return 0;
    }
}
