package org.jbpf.agent.it;

import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

/** Counts openat() in global variables and keeps the last opener's process; {@code limit} stops counting (0: never). */
@Bpf(license = "GPL")
public final class GlobalProbe {
    @Constant static long limit;
    static long opens;
    static int lastPid;

    @Section("tracepoint/syscalls/sys_enter_openat")
    static long countOpen(TracepointContext ctx) {
        if (limit != 0 && opens >= limit) return 0;
        opens++;
        lastPid = pid();
        return 0;
    }
}
