package org.jbpf.examples.events;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.examples.ProcessEvent;
import org.jbpf.maps.RingBuffer;

/** A {@link ProcessEvent} in a ring buffer for every exec that succeeded, carrying the new program's command name. */
@Bpf(license = "GPL")
public final class ExecDoneRingEvents {
    public static final RingBuffer events = new RingBuffer(1 << 16);

    @Section("tracepoint/sched/sched_process_exec")
    static long onExec(TracepointContext ctx) {
        ProcessEvent event = events.reserve(ProcessEvent.class);
        if (event == null) {
            return 0;
        }
        event.timestamp = ktime();
        event.pid = pid();
        comm(event.comm);
        events.submit(event);
        return 0;
    }
}
