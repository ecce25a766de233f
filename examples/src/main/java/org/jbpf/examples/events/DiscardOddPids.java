package org.jbpf.examples.events;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.examples.ProcessEvent;
import org.jbpf.maps.ArrayMap;
import org.jbpf.maps.RingBuffer;

/**
 * Reserves a record for every exec but submits only those of even pids; odd pids are discarded. {@code counts}
 * holds [0] submitted and [1] discarded records.
 */
@Bpf(license = "GPL")
public final class DiscardOddPids {
    public static final RingBuffer events = new RingBuffer(1 << 16);
    public static final ArrayMap<Long> counts = new ArrayMap<>(Long.class, 2);

    @Section("tracepoint/sched/sched_process_exec")
    static long onExec(TracepointContext ctx) {
        ProcessEvent event = events.reserve(ProcessEvent.class);
        if (event == null) {
            return 0;
        }
        int p = pid();
        event.timestamp = ktime();
        event.pid = p;
        comm(event.comm);
        int outcome = p & 1;
        if (outcome == 0) {
            events.submit(event);
        } else {
            events.discard(event);
        }
        Long n = counts.lookup(outcome);
        if (n != null) counts.update(outcome, n + 1);
        return 0;
    }
}
