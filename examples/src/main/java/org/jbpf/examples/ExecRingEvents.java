package org.jbpf.examples;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.RingBuffer;

/** Writes a {@link ProcessEvent} straight into a ring buffer record for every execve(). */
@Bpf(license = "GPL")
public final class ExecRingEvents {
    public static final RingBuffer events = new RingBuffer(1 << 16);

    @Section("tracepoint/syscalls/sys_enter_execve")
    static long logExec(TracepointContext ctx) {
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
