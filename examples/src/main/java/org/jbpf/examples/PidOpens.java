package org.jbpf.examples;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/**
 * openat() calls of one process, per thread. The process is a load-time constant, set before the program loads
 * ({@code BPF.builder(PidOpens.class).constant("targetPid", pid)}, {@code jbpf run --const targetPid=1234}); the
 * verifier then knows it, and with the default 0 (every process) it drops the filter altogether. {@code paused} is a
 * global variable Java may flip while the program runs ({@code bpf.global("paused").set(true)}).
 */
@Bpf(license = "GPL")
public final class PidOpens {
    @Constant static int targetPid;
    static boolean paused;
    public static final HashMap<Integer, Long> opens = new HashMap<>(Integer.class, Long.class, 1024);

    @Section("tracepoint/syscalls/sys_enter_openat")
    static long enterOpenat(TracepointContext ctx) {
        if (targetPid != 0 && pid() != targetPid) return 0;
        if (paused) return 0;
        opens.increment(tid());
        return 0;
    }
}
