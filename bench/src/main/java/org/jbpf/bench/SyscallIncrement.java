package org.jbpf.bench;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** The per-process getppid() counter of {@link SyscallCounter}, counting with an in-place increment. */
@Bpf(license = "GPL")
public final class SyscallIncrement {
    public static final HashMap<Integer, Long> counts = new HashMap<>(Integer.class, Long.class, 4096);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static long countCalls(TracepointContext ctx) {
        counts.increment(pid());
        return 0;
    }
}
