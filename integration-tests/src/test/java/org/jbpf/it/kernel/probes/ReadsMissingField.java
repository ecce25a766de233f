package org.jbpf.it.kernel.probes;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

/** Reads a task_struct field the running kernel does not have: the load must fail naming it. */
@Bpf(license = "GPL")
public final class ReadsMissingField {
    public static final ArrayMap<Long> values = new ArrayMap<>(Long.class, 1);

    @Section("tracepoint/sched/sched_process_exec")
    static int onExec(TracepointContext ctx) {
        values.update(0, OddTask.current().noSuchField());
        return 0;
    }
}
