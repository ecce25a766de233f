package org.jbpf.examples;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.PerfEventArray;

/** Sends a {@link ProcessEvent} through a perf event array for every execve(). */
@Bpf(license = "GPL")
public final class ExecPerfEvents {
    public static final PerfEventArray events = new PerfEventArray(Integer.class, Integer.class);

    @Section("tracepoint/syscalls/sys_enter_execve")
    static long logExec(TracepointContext ctx) {
        ProcessEvent event = new ProcessEvent();
        event.timestamp = ktime();
        event.pid = pid();
        comm(event.comm);
        events.output(event);
        return 0;
    }
}
