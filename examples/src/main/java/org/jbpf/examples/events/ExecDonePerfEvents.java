package org.jbpf.examples.events;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.examples.ProcessEvent;
import org.jbpf.maps.PerfEventArray;

/** A {@link ProcessEvent} through a perf event array for every exec that succeeded, with the new command name. */
@Bpf(license = "GPL")
public final class ExecDonePerfEvents {
    public static final PerfEventArray events = new PerfEventArray();

    @Section("tracepoint/sched/sched_process_exec")
    static long onExec(TracepointContext ctx) {
        ProcessEvent event = new ProcessEvent();
        event.timestamp = ktime();
        event.pid = pid();
        comm(event.comm);
        events.output(event);
        return 0;
    }
}
